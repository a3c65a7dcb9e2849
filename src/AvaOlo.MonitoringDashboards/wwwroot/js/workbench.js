// The review workbench's keyboard: j/k (or arrow keys) move between answers, a approves, e opens the editor, Ctrl+Enter
// saves it, Esc closes it, n/p change page. Keys are ignored while typing in a field, so text entry is never hijacked.
// The answer in hand is focused (and so outlined); approving posts its ordinary form, antiforgery token included.
(function () {
  "use strict";
  var queue = document.getElementById("queue");
  if (!queue) return;
  var answers = Array.prototype.slice.call(queue.querySelectorAll("article.answer"));
  var current = -1;

  function select(i) {
    if (answers.length === 0) return;
    current = Math.max(0, Math.min(answers.length - 1, i));
    answers[current].focus();
    answers[current].scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link) window.location.href = link.href;
  }

  answers.forEach(function (a, i) { a.addEventListener("focusin", function () { current = i; }); });

  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && e.target.tagName === "TEXTAREA" && e.target.form) {
      e.preventDefault();
      e.target.form.requestSubmit();
      return;
    }
    if (e.key === "Escape") {
      var open = e.target.closest && e.target.closest("details[open]");
      if (open) { open.open = false; open.closest("article").focus(); e.preventDefault(); }
      return;
    }
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    var a = answers[current];
    switch (e.key) {
      case "j": case "ArrowDown": select(current + 1); break;
      case "k": case "ArrowUp": select(current < 0 ? 0 : current - 1); break;
      case "a": if (a) a.querySelector(".approve-form").requestSubmit(); break;
      case "e":
        if (!a) return;
        var edit = a.querySelector("details.edit");
        edit.open = true;
        edit.querySelector("textarea").focus();
        break;
      case "n": follow("page-next"); break;
      case "p": follow("page-previous"); break;
      default: return;
    }
    e.preventDefault();
  });
})();
