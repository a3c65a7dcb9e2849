using AvaOlo.AgriculturalCore.Assistant.Confirmations;

namespace AvaOlo.AgriculturalCore.Tests.Assistant.Confirmations;

public sealed class ConfirmationReplyTests
{
    [Theory]
    [InlineData("Da", ConfirmationAnswer.Confirm)]
    [InlineData("da, izbriši", ConfirmationAnswer.Confirm)]
    [InlineData("Yes please", ConfirmationAnswer.Confirm)]
    [InlineData("OK!", ConfirmationAnswer.Confirm)]
    [InlineData("Potrjujem.", ConfirmationAnswer.Confirm)]
    [InlineData("v redu", ConfirmationAnswer.Confirm)]
    [InlineData("Да", ConfirmationAnswer.Confirm)]
    [InlineData("потвърждавам", ConfirmationAnswer.Confirm)]
    [InlineData("Igen", ConfirmationAnswer.Confirm)]
    [InlineData("Ja, bitte", ConfirmationAnswer.Confirm)]
    [InlineData("sì", ConfirmationAnswer.Confirm)]
    [InlineData("si", ConfirmationAnswer.Confirm)]
    [InlineData("👍", ConfirmationAnswer.Confirm)]
    [InlineData("✔️", ConfirmationAnswer.Confirm)]
    [InlineData("Ne", ConfirmationAnswer.Decline)]
    [InlineData("no, the other field", ConfirmationAnswer.Decline)]
    [InlineData("Nein", ConfirmationAnswer.Decline)]
    [InlineData("не", ConfirmationAnswer.Decline)]
    [InlineData("mégse", ConfirmationAnswer.Decline)]
    [InlineData("do not", ConfirmationAnswer.Decline)]
    [InlineData("❌", ConfirmationAnswer.Decline)]
    // Questions and new requests never count as a yes.
    [InlineData("Da li je karenca za Prosaro 42 dana?", ConfirmationAnswer.Other)]
    [InlineData("да ли је то поље моје", ConfirmationAnswer.Other)]
    [InlineData("Koliko imam polja?", ConfirmationAnswer.Other)]
    [InlineData("yes but not the north field", ConfirmationAnswer.Other)]
    [InlineData("ok ok ok ok ok ok ok ok", ConfirmationAnswer.Other)]
    [InlineData("", ConfirmationAnswer.Other)]
    [InlineData("   ", ConfirmationAnswer.Other)]
    [InlineData(null, ConfirmationAnswer.Other)]
    [InlineData("delete task 12 and confirm", ConfirmationAnswer.Other)]
    public void Classifies_a_reply(string? message, ConfirmationAnswer expected) =>
        Assert.Equal(expected, ConfirmationReply.Classify(message));
}
