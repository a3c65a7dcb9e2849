#!/usr/bin/env python3
"""Writes the offline assistant's evaluation set from the phrasings below.

Written independently of the classifier's training data (src/.../RuleBased/Understanding/training.txt): different
people's phrasings would be better still; these are the ways farmers type that we could think of, informal ones,
without diacritics, with the product and the crop inflected and the farmer's own field names in the question's grammar.

Each row: kind, variant, farmer, field (for the kinds about one field), question. The EXPECTED answer is not written
here: the evaluator (tests/.../Understanding/AccuracyTests.cs) computes it from the farmer's records in the database.
Rows are split by a hash of the phrasing (variant, kind, template) into dev (60 %, looked at while building) and held-out (40 %, never read by
training, and its errors are not looked at); the split does not depend on the code.
"""
import hashlib, os, sys, unicodedata

# The seed's test farmers (src/AvaOlo.Cli/Seeding/FixedFarmers.cs): country HR/hr, HR/hu, SI/sl.
FARMERS = {"wheat": ["Mota", "Kod kuće"], "hu": ["Nagy tábla", "Rét"], "si": ["Rastlinjak pri hiši", "Njiva za hišo"]}

# "on/in field X" in each variant, as a speaker of it would write the farmer's own name.
ON = {
 "hr": {"Mota": "na Moti", "Kod kuće": "na parceli Kod kuće", "Nagy tábla": "na Nagy tábli", "Rét": "na Rétu", "Rastlinjak pri hiši": "u Rastlinjaku pri hiši", "Njiva za hišo": "na Njivi za hišo"},
 "sl": {"Mota": "na Moti", "Kod kuće": "na njivi Kod kuće", "Nagy tábla": "na Nagy tábli", "Rét": "na Rétu", "Rastlinjak pri hiši": "v Rastlinjaku pri hiši", "Njiva za hišo": "na Njivi za hišo"},
 "sr": {"Mota": "na Moti", "Kod kuće": "na parceli Kod kuće", "Nagy tábla": "na Nagy tabli", "Rét": "na Retu", "Rastlinjak pri hiši": "u Rastlinjaku pri hiši", "Njiva za hišo": "na Njivi za hišo"},
 "sr-Cyrl": {"Mota": "на Моти", "Kod kuće": "на парцели Код куће", "Nagy tábla": "на Нађ табли", "Rét": "на Рету", "Rastlinjak pri hiši": "у Растлињаку при хиши", "Njiva za hišo": "на Њиви за хишо"},
 "bg": {"Mota": "на нива Мота", "Kod kuće": "на Код куче", "Nagy tábla": "на Наги табла", "Rét": "на Рет", "Rastlinjak pri hiši": "в Растлиняк при хиши", "Njiva za hišo": "на Нива за хишо"},
 "hu": {"Mota": "a Motán", "Kod kuće": "a Kod kuće parcellán", "Nagy tábla": "a Nagy táblán", "Rét": "a Réten", "Rastlinjak pri hiši": "a Rastlinjak pri hiši fóliasátorban", "Njiva za hišo": "a Njiva za hišo táblán"},
 "de": {"Mota": "auf Mota", "Kod kuće": "auf dem Feld Kod kuće", "Nagy tábla": "auf der Nagy tábla", "Rét": "auf Rét", "Rastlinjak pri hiši": "im Rastlinjak pri hiši", "Njiva za hišo": "auf Njiva za hišo"},
 "it": {"Mota": "su Mota", "Kod kuće": "nel campo Kod kuće", "Nagy tábla": "sulla Nagy tábla", "Rét": "sul Rét", "Rastlinjak pri hiši": "nella serra Rastlinjak pri hiši", "Njiva za hišo": "sul campo Njiva za hišo"},
 "en": {"Mota": "on Mota", "Kod kuće": "on Kod kuće", "Nagy tábla": "on Nagy tabla", "Rét": "on Rét", "Rastlinjak pri hiši": "in Rastlinjak pri hiši", "Njiva za hišo": "on Njiva za hišo"},
}
# The field's name as the subject ("X is how big").
NAME = {v: dict((k, k) for k in ON["hr"]) for v in ON}
NAME["sr-Cyrl"] = {"Mota": "Мота", "Kod kuće": "Код куће", "Nagy tábla": "Нађ табла", "Rét": "Рет", "Rastlinjak pri hiši": "Растлињак при хиши", "Njiva za hišo": "Њива за хишо"}
NAME["bg"] = {"Mota": "Мота", "Kod kuće": "Код куче", "Nagy tábla": "Наги табла", "Rét": "Рет", "Rastlinjak pri hiši": "Растлиняк при хиши", "Njiva za hišo": "Нива за хишо"}
NAME["sr"] = dict(NAME["sr"], **{"Nagy tábla": "Nagy tabla", "Rét": "Ret"})

# Crops for the pre-harvest interval: nominative, "in/on the crop", "for the crop".
CROPS = {
 "hr": {"wheat": ("pšenica", "u pšenici", "za pšenicu"), "maize": ("kukuruz", "u kukuruzu", "za kukuruz"), "barley": ("ječam", "u ječmu", "za ječam"), "rape": ("uljana repica", "u uljanoj repici", "za uljanu repicu")},
 "sl": {"wheat": ("pšenica", "v pšenici", "za pšenico"), "maize": ("koruza", "v koruzi", "za koruzo"), "barley": ("ječmen", "v ječmenu", "za ječmen"), "rape": ("oljna ogrščica", "v oljni ogrščici", "za oljno ogrščico")},
 "sr": {"wheat": ("pšenica", "u pšenici", "za pšenicu"), "maize": ("kukuruz", "u kukuruzu", "za kukuruz"), "barley": ("ječam", "u ječmu", "za ječam"), "rape": ("uljana repica", "u uljanoj repici", "za uljanu repicu")},
 "sr-Cyrl": {"wheat": ("пшеница", "у пшеници", "за пшеницу"), "maize": ("кукуруз", "у кукурузу", "за кукуруз"), "barley": ("јечам", "у јечму", "за јечам"), "rape": ("уљана репица", "у уљаној репици", "за уљану репицу")},
 "bg": {"wheat": ("пшеница", "при пшеницата", "за пшеница"), "maize": ("царевица", "при царевицата", "за царевица"), "barley": ("ечемик", "при ечемика", "за ечемик"), "rape": ("рапица", "при рапицата", "за рапица")},
 "hu": {"wheat": ("búza", "búzában", "búzára"), "maize": ("kukorica", "kukoricában", "kukoricára"), "barley": ("árpa", "árpában", "árpára"), "rape": ("repce", "repcében", "repcére")},
 "de": {"wheat": ("Weizen", "im Weizen", "für Weizen"), "maize": ("Mais", "im Mais", "für Mais"), "barley": ("Gerste", "in der Gerste", "für Gerste"), "rape": ("Raps", "im Raps", "für Raps")},
 "it": {"wheat": ("frumento", "sul frumento", "per il grano"), "maize": ("mais", "sul mais", "per il granturco"), "barley": ("orzo", "sull'orzo", "per l'orzo"), "rape": ("colza", "sulla colza", "per la colza")},
 "en": {"wheat": ("wheat", "on wheat", "for wheat"), "maize": ("maize", "in corn", "for maize"), "barley": ("barley", "on barley", "for barley"), "rape": ("oilseed rape", "on rapeseed", "for OSR")},
}

# {on} = on the field, {name} = the field's name, {c} {cin} {cfor} = the crop. Informal on purpose.
T = {
"hr": {
 "field_count": ["Koliko polja imam?", "koliko imam parcela", "Koliko parcela ima moje gospodarstvo?", "Broj mojih polja?", "kolko njiva imam", "Reci mi koliko polja obrađujem", "Koliko je parcela upisano na mene?", "Na koliko parcela radim?", "koliko ukupno imam polja?", "Imam li više od jednog polja, koliko ih je?", "Koliko komada zemlje imam u evidenciji?"],
 "field_area": ["Kolika je parcela {name}?", "Koliko hektara ima {name}?", "koliko je velika {name}", "Površina parcele {name}?", "Koliko ha je {name}?", "Kolika je površina {on}?", "koliko hektara imam {on}", "Reci mi veličinu parcele {name}", "{name} - koliko hektara?", "Kolko je velko polje {name}?"],
 "largest_field": ["Koja mi je najveća parcela?", "Koje je moje najveće polje?", "najveca parcela?", "Koja njiva mi je najveća?", "Gdje imam najviše zemlje, na kojoj parceli?", "Koja je parcela s najviše hektara?", "Moja najveća parcela i koliko je velika?", "koje polje je najvece", "Koja je od mojih parcela najveća?", "Najveće polje koje imam?"],
 "total_area": ["Koliko hektara imam ukupno?", "Kolika je ukupna površina mojih polja?", "koliko ha obrađujem", "Ukupno hektara?", "Koliko zemlje imam sve skupa?", "Na koliko hektara gospodarim?", "ukupna povrsina parcela", "Kolika mi je ukupna površina?", "Zbroj hektara svih mojih parcela?", "Koliko imam zemlje u hektarima?"],
 "tasks": ["Što imam planirano?", "Koji su mi poslovi planirani?", "sta me ceka ovaj tjedan", "Koji radovi su na rasporedu?", "Što trebam napraviti sljedeće?", "Planirani radovi?", "Koje zadatke imam?", "Što je sljedeće na redu na gospodarstvu?", "Koji posao me čeka?", "Imam li nešto zakazano ovih dana?", "Šta je u planu za polja?"],
 "phi": ["Koliko je karenca za Prosaro {cin}?", "Karenca Prosara {cin}?", "koja je karenca prosaro {cfor}", "Koliko dana karence ima Prosaro {cin}?", "Kolika je karenca za Prosaro 250 EC {cin}?", "Nakon Prosara {cin} koliko dana moram čekati do žetve?", "Koliko dana prije berbe smijem prskati Prosarom {cin}?", "karenca prosara {cfor}?", "Prosaro i {c} - karenca?", "Koliko traje karenca Prosara kod {c}?"],
 "crop_on_field": ["Što raste {on}?", "Što sam posijao {on}?", "sta je posijano {on} ove godine", "Koja kultura je {on}?", "Što imam {on} ove sezone?", "Što je zasijano {on}?", "Koju kulturu imam {on} ove godine?", "{name} - što je tamo posijano?", "Što uzgajam {on}?", "Što je ove godine {on}?"],
},
"sl": {
 "field_count": ["Koliko polj imam?", "koliko njiv imam", "Koliko parcel je v moji evidenci?", "Število mojih polj?", "Kolk njiv obdelujem?", "Povej mi, koliko polj imam.", "Na koliko parcelah delam?", "koliko imam vseh polj", "Koliko zemljišč imam vpisanih?", "Koliko kosov zemlje imam?"],
 "field_area": ["Kako veliko je polje {name}?", "Koliko hektarjev ima {name}?", "koliko je velika {name}", "Površina polja {name}?", "Koliko ha je {name}?", "Kolikšna je površina {on}?", "koliko hektarov imam {on}", "Povej mi velikost parcele {name}", "{name} - koliko ha?", "Kolk je velik {name}?"],
 "largest_field": ["Katero je moje največje polje?", "Katera njiva je največja?", "najvecja parcela?", "Kje imam največ zemlje, na kateri parceli?", "Katera parcela ima največ hektarjev?", "Moja največja njiva in kako velika je?", "katero polje je najvecje", "Največje polje, ki ga imam?", "Katera od mojih parcel je največja?", "Največja njiva?"],
 "total_area": ["Koliko hektarjev imam skupaj?", "Kolikšna je skupna površina mojih polj?", "koliko ha obdelujem", "Skupaj hektarov?", "Koliko zemlje imam vse skupaj?", "Na koliko hektarjih kmetujem?", "skupna povrsina parcel", "Kakšna je skupna površina?", "Seštevek hektarjev vseh njiv?", "Koliko imam zemlje v hektarih?"],
 "tasks": ["Kaj imam načrtovano?", "Katera opravila me čakajo?", "kaj moram narediti ta teden", "Katera dela so na sporedu?", "Kaj je naslednje na vrsti?", "Načrtovana opravila?", "Kakšna dela imam v planu?", "Kaj me čaka na kmetiji?", "Imam kaj planiranega za te dni?", "Kaj je v planu za polja?"],
 "phi": ["Kolikšna je karenca za Prosaro {cin}?", "Karenca Prosara {cin}?", "kaksna je karenca prosaro {cfor}", "Koliko dni karence ima Prosaro {cin}?", "Karenca za Prosaro 250 EC {cin}?", "Po Prosaru {cin} koliko dni moram čakati do žetve?", "Koliko dni pred spravilom lahko škropim s Prosarom {cin}?", "karenca prosaro {cfor}?", "Prosaro in {c} - karenca?", "Koliko časa traja karenca Prosara pri {c}?"],
 "crop_on_field": ["Kaj raste {on}?", "Kaj sem posejal {on}?", "kaj je posajeno {on} letos", "Katera kultura je {on}?", "Kaj imam {on} to sezono?", "Kaj je zasejano {on}?", "Katero kulturo imam letos {on}?", "{name} - kaj je tam posejano?", "Kaj gojim {on}?", "Kaj je letos {on}?"],
},
"sr": {
 "field_count": ["Koliko njiva imam?", "koliko parcela imam", "Koliko parcela ima moje gazdinstvo?", "Broj mojih njiva?", "kolko imam parcela", "Reci mi koliko njiva obrađujem", "Koliko je parcela upisano na mene?", "Na koliko parcela radim?", "koliko ukupno imam njiva?", "Koliko komada zemlje imam u evidenciji?"],
 "field_area": ["Kolika je parcela {name}?", "Koliko hektara ima {name}?", "koliko je velika {name}", "Površina parcele {name}?", "Koliko ha je {name}?", "Kolika je površina {on}?", "koliko hektara imam {on}", "Reci mi veličinu parcele {name}", "{name} - koliko hektara?", "Kolko je velika njiva {name}?"],
 "largest_field": ["Koja mi je najveća parcela?", "Koja je moja najveća njiva?", "najveca parcela?", "Koja njiva mi je najveća?", "Gde imam najviše zemlje, na kojoj parceli?", "Koja parcela ima najviše hektara?", "Moja najveća njiva i kolika je?", "koja njiva je najveca", "Koja je od mojih parcela najveća?", "Najveća njiva koju imam?"],
 "total_area": ["Koliko hektara imam ukupno?", "Kolika je ukupna površina mojih njiva?", "koliko ha obrađujem", "Ukupno hektara?", "Koliko zemlje imam sve zajedno?", "Na koliko hektara radim?", "ukupna povrsina parcela", "Kolika mi je ukupna površina?", "Zbir hektara svih mojih parcela?", "Koliko imam zemlje u hektarima?"],
 "tasks": ["Šta imam planirano?", "Koji su mi poslovi planirani?", "sta me ceka ove nedelje", "Koji radovi su na rasporedu?", "Šta treba da uradim sledeće?", "Planirani radovi?", "Koje zadatke imam?", "Šta je sledeće na redu na gazdinstvu?", "Koji posao me čeka?", "Šta je u planu za njive?"],
 "phi": ["Koliko je karenca za Prosaro {cin}?", "Karenca Prosara {cin}?", "koja je karenca prosaro {cfor}", "Koliko dana karence ima Prosaro {cin}?", "Kolika je karenca za Prosaro 250 EC {cin}?", "Posle Prosara {cin} koliko dana moram da čekam do žetve?", "Koliko dana pre berbe smem da prskam Prosarom {cin}?", "karenca prosara {cfor}?", "Prosaro i {c} - karenca?", "Koliko traje karenca Prosara kod {c}?"],
 "crop_on_field": ["Šta raste {on}?", "Šta sam posejao {on}?", "sta je poseјano {on} ove godine", "Koja kultura je {on}?", "Šta imam {on} ove sezone?", "Šta je zasejano {on}?", "Koju kulturu imam {on} ove godine?", "{name} - šta je tamo posejano?", "Šta gajim {on}?", "Šta je ove godine {on}?"],
},
"bg": {
 "field_count": ["Колко полета имам?", "колко ниви имам", "Колко парцела има стопанството ми?", "Брой на моите ниви?", "Кажи ми колко полета обработвам", "Колко парцела са записани на мен?", "На колко парцела работя?", "колко ниви имам общо", "Колко имота имам в записите?", "Колко са ми нивите?"],
 "field_area": ["Колко е голяма нива {name}?", "Колко хектара е {name}?", "колко е {name}", "Площта на {name}?", "Колко ха е {name}?", "Каква е площта {on}?", "колко декара са {on}", "Кажи ми размера на парцел {name}", "{name} - колко хектара?", "Колко голям е парцелът {name}?"],
 "largest_field": ["Коя е най-голямата ми нива?", "Кое е най-голямото ми поле?", "най-голям парцел?", "Коя нива ми е най-голяма?", "Къде имам най-много земя, на кой парцел?", "Кой парцел е с най-много хектари?", "Най-голямата ми нива и колко е голяма?", "кое поле е най-голямо", "Кой от моите парцели е най-голям?", "Най-голямото поле, което имам?"],
 "total_area": ["Колко хектара имам общо?", "Каква е общата площ на нивите ми?", "колко ха обработвам", "Общо хектари?", "Колко земя имам всичко?", "На колко хектара стопанисвам?", "обща площ на парцелите", "Каква ми е общата площ?", "Сборът от хектарите на всичките ми ниви?", "Колко земя имам в хектари?"],
 "tasks": ["Какво имам планирано?", "Какви работи ми предстоят?", "какво трябва да правя тази седмица", "Кои дейности са по график?", "Какво трябва да направя следващо?", "Планирани дейности?", "Какви задачи имам?", "Какво предстои в стопанството?", "Има ли нещо насрочено за тези дни?", "Какво е в плана за нивите?"],
 "phi": ["Какъв е карантинният срок на Просаро {cin}?", "Карантинен срок Prosaro {cin}?", "какъв е карантинния срок на просаро {cfor}", "Колко дни е карантинният срок на Prosaro {cin}?", "Карантинен срок за Prosaro 250 EC {cin}?", "След Просаро {cin} колко дни трябва да чакам до жътва?", "Колко дни преди прибиране мога да пръскам с Просаро {cin}?", "карантинен срок просаро {cfor}?", "Prosaro и {c} - карантинен срок?", "Колко е карантинният срок на Просаро при {c}?"],
 "crop_on_field": ["Какво расте {on}?", "Какво съм засял {on}?", "какво е засято {on} тази година", "Каква култура е {on}?", "Какво имам {on} този сезон?", "Какво е посято {on}?", "Каква култура отглеждам {on} тази година?", "{name} - какво е засято там?", "Какво отглеждам {on}?", "Какво има {on} тази година?"],
},
"hu": {
 "field_count": ["Hány táblám van?", "hány földem van", "Hány parcellám van nyilvántartva?", "Táblák száma?", "Mondd meg, hány táblát művelek", "Hány darab földterületem van?", "Hány táblán gazdálkodom?", "hany tablam van osszesen", "Mennyi táblát tartok nyilván?", "Hány parcella van a gazdaságban?"],
 "field_area": ["Mekkora a {name}?", "Hány hektár a {name}?", "mekkora a {name} tábla", "A {name} területe?", "Hány ha a {name}?", "Mekkora a terület {on}?", "hány hektár van {on}", "Mondd meg a {name} méretét", "{name} - hány hektár?", "Milyen nagy a {name} parcella?"],
 "largest_field": ["Melyik a legnagyobb táblám?", "Melyik földem a legnagyobb?", "legnagyobb tabla?", "Melyik parcellám a legnagyobb?", "Hol van a legtöbb földem, melyik táblán?", "Melyik táblának van a legtöbb hektárja?", "A legnagyobb táblám és mekkora?", "melyik tabla a legnagyobb", "Melyik a legnagyobb a tábláim közül?", "Legnagyobb földterületem?"],
 "total_area": ["Hány hektárom van összesen?", "Mekkora a tábláim összterülete?", "hány hektáron gazdálkodom", "Összesen hány hektár?", "Mennyi földem van összesen?", "Mekkora az összes terület?", "tablak osszterulete", "Mennyi az összterületem?", "Az összes tábla hektárban?", "Hány hektár föld az enyém összesen?"],
 "tasks": ["Mit terveztem?", "Milyen munkák várnak rám?", "mit kell csinalnom ezen a heten", "Milyen munkák vannak betervezve?", "Mi a következő teendő?", "Tervezett munkák?", "Milyen feladataim vannak?", "Mi vár rám a gazdaságban?", "Van valami betervezve ezekre a napokra?", "Mi a terv a táblákon?"],
 "phi": ["Mennyi a Prosaro élelmezés-egészségügyi várakozási ideje {cin}?", "Prosaro várakozási idő {cin}?", "mennyi a prosaro varakozasi ideje {cfor}", "Hány nap a Prosaro várakozási ideje {cin}?", "A Prosaro 250 EC várakozási ideje {cin}?", "Prosaro után {cin} hány napot kell várni az aratásig?", "Hány nappal betakarítás előtt permetezhetek Prosaróval {cin}?", "prosaro varakozasi ido {cfor}?", "Prosaro és {c} - várakozási idő?", "Mennyi a Prosaro várakozási ideje, ha {c}?"],
 "crop_on_field": ["Mi nő {on}?", "Mit vetettem {on}?", "mi van vetve {on} idén", "Milyen kultúra van {on}?", "Mi van {on} ebben a szezonban?", "Mi van elvetve {on}?", "Milyen növényt termesztek idén {on}?", "{name} - mi van ott vetve?", "Mit termesztek {on}?", "Mi van idén {on}?"],
},
"de": {
 "field_count": ["Wie viele Felder habe ich?", "wieviele äcker hab ich", "Wie viele Schläge habe ich?", "Anzahl meiner Felder?", "Sag mir, wie viele Felder ich bewirtschafte", "Wie viele Flurstücke sind auf mich eingetragen?", "Auf wie vielen Feldern arbeite ich?", "wie viele felder insgesamt", "Wieviel Äcker hat mein Betrieb?", "Wie viele Parzellen habe ich?"],
 "field_area": ["Wie groß ist {name}?", "Wie viele Hektar hat {name}?", "wie gross ist das feld {name}", "Fläche von {name}?", "Wie viel ha ist {name}?", "Wie groß ist die Fläche {on}?", "wie viel hektar hab ich {on}", "Sag mir die Größe vom Schlag {name}", "{name} - wie viel Hektar?", "Welche Fläche hat {name}?"],
 "largest_field": ["Welches ist mein größtes Feld?", "Welcher Acker ist am größten?", "größter schlag?", "Welches Feld ist das größte?", "Wo habe ich am meisten Fläche, auf welchem Feld?", "Welcher Schlag hat die meisten Hektar?", "Mein größtes Feld und wie groß?", "welches feld ist am groessten", "Welches meiner Felder ist das größte?", "Größter Acker, den ich habe?"],
 "total_area": ["Wie viele Hektar habe ich insgesamt?", "Wie groß ist meine Gesamtfläche?", "wie viel ha bewirtschafte ich", "Hektar gesamt?", "Wie viel Land habe ich zusammen?", "Auf wie vielen Hektar wirtschafte ich?", "gesamtflaeche aller felder", "Was ist meine Gesamtfläche?", "Summe der Hektar aller Felder?", "Wie viel Fläche habe ich in Hektar?"],
 "tasks": ["Was habe ich geplant?", "Welche Arbeiten stehen an?", "was muss ich diese woche machen", "Welche Arbeiten sind eingeplant?", "Was ist als Nächstes zu tun?", "Geplante Arbeiten?", "Welche Aufgaben habe ich?", "Was steht auf dem Hof an?", "Ist für die nächsten Tage etwas geplant?", "Was ist auf den Feldern geplant?"],
 "phi": ["Wie lange ist die Wartezeit von Prosaro {cin}?", "Wartezeit Prosaro {cin}?", "wartezeit prosaro {cfor}", "Wie viele Tage Wartezeit hat Prosaro {cin}?", "Wartezeit für Prosaro 250 EC {cin}?", "Nach Prosaro {cin}, wie viele Tage muss ich bis zur Ernte warten?", "Wie viele Tage vor der Ernte darf ich Prosaro {cin} spritzen?", "prosaro wartezeit {cfor}?", "Prosaro und {c} - Wartezeit?", "Welche Wartezeit gilt für Prosaro bei {c}?"],
 "crop_on_field": ["Was wächst {on}?", "Was habe ich {on} gesät?", "was steht dieses jahr {on}", "Welche Kultur ist {on}?", "Was habe ich {on} diese Saison?", "Was ist {on} angebaut?", "Welche Kultur baue ich dieses Jahr {on} an?", "{name} - was ist dort gesät?", "Was baue ich {on} an?", "Was steht heuer {on}?"],
},
"it": {
 "field_count": ["Quanti campi ho?", "quanti appezzamenti ho", "Quanti terreni ha la mia azienda?", "Numero dei miei campi?", "Dimmi quanti campi coltivo", "Quanti appezzamenti sono registrati a mio nome?", "Su quanti campi lavoro?", "quanti campi ho in tutto", "Quanti pezzi di terra ho?", "Quante parcelle ho?"],
 "field_area": ["Quanto è grande {name}?", "Quanti ettari ha {name}?", "quanto e grande il campo {name}", "Superficie di {name}?", "Quanti ha è {name}?", "Qual è la superficie {on}?", "quanti ettari ho {on}", "Dimmi la dimensione dell'appezzamento {name}", "{name} - quanti ettari?", "Che superficie ha {name}?"],
 "largest_field": ["Qual è il mio campo più grande?", "Quale appezzamento è il più grande?", "campo piu grande?", "Qual è il terreno più grande che ho?", "Dove ho più terra, in quale campo?", "Quale campo ha più ettari?", "Il mio campo più grande e quanto è grande?", "quale campo e il piu grande", "Quale dei miei campi è il più esteso?", "Il più grande dei miei appezzamenti?"],
 "total_area": ["Quanti ettari ho in totale?", "Qual è la superficie totale dei miei campi?", "quanti ha coltivo", "Ettari totali?", "Quanta terra ho in tutto?", "Su quanti ettari lavoro?", "superficie totale campi", "Quanto fa la mia superficie complessiva?", "Somma degli ettari di tutti i campi?", "Quanta superficie ho in ettari?"],
 "tasks": ["Cosa ho in programma?", "Quali lavori devo fare?", "cosa devo fare questa settimana", "Quali lavori sono pianificati?", "Qual è la prossima cosa da fare?", "Lavori previsti?", "Che attività ho?", "Cosa c'è da fare in azienda?", "Ho qualcosa in programma nei prossimi giorni?", "Cosa è previsto sui campi?"],
 "phi": ["Qual è l'intervallo di sicurezza del Prosaro {cin}?", "Carenza Prosaro {cin}?", "intervallo di sicurezza prosaro {cfor}", "Quanti giorni di carenza ha il Prosaro {cin}?", "Tempo di carenza per Prosaro 250 EC {cin}?", "Dopo il Prosaro {cin} quanti giorni devo aspettare per raccogliere?", "Quanti giorni prima della raccolta posso trattare con Prosaro {cin}?", "prosaro carenza {cfor}?", "Prosaro e {c} - intervallo di sicurezza?", "Quanto è la carenza del Prosaro per il {c}?"],
 "crop_on_field": ["Cosa cresce {on}?", "Cosa ho seminato {on}?", "cosa c'è seminato {on} quest'anno", "Quale coltura c'è {on}?", "Cosa ho {on} questa stagione?", "Cosa è seminato {on}?", "Quale coltura coltivo quest'anno {on}?", "{name} - cosa è seminato lì?", "Cosa coltivo {on}?", "Cosa c'è quest'anno {on}?"],
},
"en": {
 "field_count": ["How many fields do I have?", "how many fields have i got", "Number of my fields?", "How many plots do I farm?", "tell me how many fields i have", "How many fields are registered to me?", "How many parcels does my farm have?", "fields count?", "How many bits of land have I got?", "How many fields in total?"],
 "field_area": ["How big is {name}?", "How many hectares is {name}?", "size of {name}?", "Area of {name}?", "How many ha is {name}?", "What's the area {on}?", "how many hectares have i got {on}", "Tell me how large {name} is", "{name} - how many hectares?", "how large is the field {name}"],
 "largest_field": ["Which is my largest field?", "What's my biggest field?", "biggest field?", "Which of my fields is the largest?", "Where do I have the most land, which field?", "Which field has the most hectares?", "My largest field and how big is it?", "which field is biggest", "What is the biggest plot I farm?", "largest field i've got?"],
 "total_area": ["How many hectares do I have in total?", "What's the total area of my fields?", "how much land do i farm", "Total hectares?", "How much land have I got altogether?", "How many hectares do I farm?", "total area of all fields", "What is my total acreage in hectares?", "Sum of hectares across my fields?", "how many ha in total"],
 "tasks": ["What have I got planned?", "what jobs are coming up", "what do i need to do this week", "Which jobs are scheduled?", "What's next on the farm?", "Planned work?", "What tasks do I have?", "anything on the to-do list?", "Is anything booked in for the next few days?", "What's planned for the fields?"],
 "phi": ["What's the pre-harvest interval for Prosaro {cin}?", "Prosaro PHI {cin}?", "prosaro harvest interval {cfor}", "How many days is the PHI of Prosaro {cin}?", "Pre-harvest interval of Prosaro 250 EC {cin}?", "After Prosaro {cin} how many days until I can harvest?", "How many days before harvest can I spray Prosaro {cin}?", "prosaro withholding period {cfor}?", "Prosaro and {c} - harvest interval?", "What PHI applies to Prosaro {cfor}?"],
 "crop_on_field": ["What's growing {on}?", "What did I sow {on}?", "what is planted {on} this year", "Which crop is {on}?", "What have I got {on} this season?", "What's sown {on}?", "Which crop am I growing {on} this year?", "{name} - what's in there?", "What do I grow {on}?", "What's {on} this year?"],
},
}
# The records questions added with the answers for them (issue #14): what was sprayed, when the harvest can be, what was
# used. Asked of the farm as a whole (no field named), as farmers mostly ask them.
NEW = {
"hr": {
 "sprayed": ["Što sam prskao?", "Kada sam zadnji put prskao?", "cime sam prskao psenicu", "Koja sam sredstva za zaštitu koristio?", "Kad je bilo zadnje prskanje?", "Jesam li što prskao ove sezone?", "Popis prskanja?", "S čim sam tretirao polja?", "kad sam zadnje prsko i s cim", "Koja zaštitna sredstva sam primijenio?"],
 "harvest": ["Kada mogu žeti?", "Kad je berba?", "Kada smijem kombajnirati?", "kad mogu vrsit", "Je li sigurno žeti ovih dana?", "Kada je žetva?", "Od kada smijem brati?", "Kad počinje žetva na mojim poljima?", "Mogu li već žeti?", "Kada je sigurno ubrati usjev?"],
 "input_usage": ["Koliko sam gnojiva potrošio?", "Koliko sam sredstava potrošio ove sezone?", "kolko sam KAN-a bacio", "Koliko sam čega utrošio?", "Potrošnja gnojiva i zaštite?", "Koliko je potrošeno repromaterijala?", "Koliko sam sjemena i gnojiva stavio?", "Što sam sve potrošio na poljima?", "koliko sam utrosio gnojiva ove godine", "Kolika je potrošnja sredstava?"],
},
"sl": {
 "sprayed": ["Kaj sem škropil?", "Kdaj sem nazadnje škropil?", "s cim sem skropil", "Katera sredstva za varstvo sem uporabil?", "Kdaj je bilo zadnje škropljenje?", "Sem v tej sezoni kaj škropil?", "Seznam škropljenj?", "S čim sem tretiral njive?", "kdaj sem zadnjic skropil in s cim", "Katera FFS sem uporabil?"],
 "harvest": ["Kdaj lahko žanjem?", "Kdaj je spravilo?", "Kdaj smem kombajnirati?", "kdaj lahko pobiram", "Je varno žeti te dni?", "Kdaj je žetev?", "Od kdaj smem obirati?", "Kdaj se začne spravilo na mojih njivah?", "Lahko že spravljam pridelek?", "Kdaj je varno pospraviti pridelek?"],
 "input_usage": ["Koliko gnojila sem porabil?", "Koliko sredstev sem porabil to sezono?", "kolk gnojila sem potrosil", "Koliko česa sem porabil?", "Poraba gnojil in zaščite?", "Koliko repromateriala je šlo?", "Koliko semena in gnojila sem dal?", "Kaj vse sem porabil na njivah?", "koliko gnojil sem porabil letos", "Kakšna je poraba sredstev?"],
},
"sr": {
 "sprayed": ["Šta sam prskao?", "Kada sam poslednji put prskao?", "cime sam prskao", "Koja sredstva za zaštitu sam koristio?", "Kad je bilo poslednje prskanje?", "Da li sam nešto prskao ove sezone?", "Spisak prskanja?", "Čime sam tretirao njive?", "kad sam poslednji put prsko i cime", "Koja zaštitna sredstva sam primenio?"],
 "harvest": ["Kada mogu da žanjem?", "Kad je berba?", "Kada smem da kombajniram?", "kad mogu da vrsim", "Da li je bezbedno žeti ovih dana?", "Kada je žetva?", "Od kada smem da beremo?", "Kad počinje žetva na mojim njivama?", "Mogu li već da žanjem?", "Kada je bezbedno pokupiti rod?"],
 "input_usage": ["Koliko sam đubriva potrošio?", "Koliko sam sredstava potrošio ove sezone?", "kolko sam KAN-a bacio", "Koliko sam čega utrošio?", "Potrošnja đubriva i zaštite?", "Koliko je potrošeno repromaterijala?", "Koliko sam semena i đubriva stavio?", "Šta sam sve potrošio na njivama?", "koliko sam utrosio djubriva ove godine", "Kolika je potrošnja sredstava?"],
},
"bg": {
 "sprayed": ["Какво съм пръскал?", "Кога пръсках за последно?", "с какво пръсках", "Какви препарати за растителна защита използвах?", "Кога беше последното пръскане?", "Пръскал ли съм нещо този сезон?", "Списък на пръскванията?", "С какво третирах нивите?", "кога пръсках последно и с какво", "Кои препарати съм приложил?"],
 "harvest": ["Кога мога да жъна?", "Кога е беритбата?", "Кога мога да пусна комбайна?", "кога да бера", "Безопасно ли е да жъна тези дни?", "Кога е жътвата?", "От кога мога да прибирам реколтата?", "Кога започва жътвата на нивите ми?", "Мога ли вече да жъна?", "Кога е безопасно да прибера реколтата?"],
 "input_usage": ["Колко тор съм използвал?", "Колко препарати използвах този сезон?", "колко тор хвърлих", "Колко от какво съм изразходвал?", "Разход на торове и препарати?", "Колко материали са изразходвани?", "Колко семе и тор сложих?", "Какво съм изразходвал по нивите?", "колко тор използвах тази година", "Какъв е разходът на препарати?"],
},
"hu": {
 "sprayed": ["Mit permeteztem?", "Mikor permeteztem utoljára?", "mivel permeteztem", "Milyen növényvédő szert használtam?", "Mikor volt az utolsó permetezés?", "Permeteztem valamit ebben a szezonban?", "A permetezések listája?", "Mivel kezeltem a táblákat?", "mikor permeteztem utoljara es mivel", "Milyen szereket juttattam ki?"],
 "harvest": ["Mikor arathatok?", "Mikor lesz a betakarítás?", "Mikor mehet be a kombájn?", "mikor szedhetek", "Biztonságos most aratni?", "Mikor van az aratás?", "Mikortól szabad betakarítani?", "Mikor kezdődik a betakarítás a tábláimon?", "Arathatok már?", "Mikor biztonságos betakarítani a termést?"],
 "input_usage": ["Mennyi műtrágyát használtam?", "Mennyi szert használtam fel ebben a szezonban?", "mennyi mutragyat szortam ki", "Miből mennyit használtam fel?", "Műtrágya- és szerfelhasználás?", "Mennyi anyag fogyott?", "Mennyi vetőmagot és műtrágyát vittem ki?", "Mit használtam fel a táblákon?", "mennyi mutragya fogyott az idén", "Mekkora a szerfelhasználás?"],
},
"de": {
 "sprayed": ["Was habe ich gespritzt?", "Wann habe ich zuletzt gespritzt?", "womit hab ich gespritzt", "Welche Pflanzenschutzmittel habe ich eingesetzt?", "Wann war die letzte Spritzung?", "Habe ich diese Saison etwas gespritzt?", "Liste der Spritzungen?", "Womit habe ich die Felder behandelt?", "wann zuletzt gespritzt und womit", "Welche Mittel habe ich ausgebracht?"],
 "harvest": ["Wann kann ich ernten?", "Wann ist die Ernte?", "Wann darf der Mähdrescher rein?", "wann kann ich dreschen", "Ist es sicher, in diesen Tagen zu ernten?", "Wann ist Erntezeit?", "Ab wann darf ich ernten?", "Wann beginnt die Ernte auf meinen Feldern?", "Kann ich schon ernten?", "Wann ist es sicher, die Ernte einzufahren?"],
 "input_usage": ["Wie viel Dünger habe ich verbraucht?", "Wie viel Mittel habe ich diese Saison verbraucht?", "wieviel dünger hab ich gestreut", "Wie viel habe ich wovon verbraucht?", "Verbrauch an Dünger und Pflanzenschutz?", "Wie viel Betriebsmittel sind draufgegangen?", "Wie viel Saatgut und Dünger habe ich ausgebracht?", "Was habe ich alles auf den Feldern verbraucht?", "wieviel dünger dieses jahr verbraucht", "Wie hoch ist der Mittelverbrauch?"],
},
"it": {
 "sprayed": ["Cosa ho irrorato?", "Quando ho fatto l'ultimo trattamento?", "con cosa ho trattato", "Quali fitofarmaci ho usato?", "Quando è stato l'ultimo trattamento?", "Ho fatto trattamenti questa stagione?", "Elenco dei trattamenti?", "Con cosa ho trattato i campi?", "quando ho trattato l'ultima volta e con cosa", "Quali prodotti ho distribuito?"],
 "harvest": ["Quando posso raccogliere?", "Quando è il raccolto?", "Quando posso trebbiare?", "quando posso mietere", "È sicuro raccogliere in questi giorni?", "Quando è la mietitura?", "Da quando posso raccogliere?", "Quando inizia il raccolto nei miei campi?", "Posso già raccogliere?", "Quando è sicuro raccogliere il prodotto?"],
 "input_usage": ["Quanto concime ho usato?", "Quanti prodotti ho consumato questa stagione?", "quanto concime ho sparso", "Quanto ho consumato di cosa?", "Consumo di concimi e fitofarmaci?", "Quanti mezzi tecnici ho usato?", "Quanta semente e concime ho distribuito?", "Cosa ho consumato nei campi?", "quanto concime ho usato quest'anno", "Qual è il consumo di prodotti?"],
},
"en": {
 "sprayed": ["What did I spray?", "When did I last spray?", "what have i sprayed with", "Which crop protection products did I use?", "When was the last spraying?", "Have I sprayed anything this season?", "List my sprayings", "What did I treat the fields with?", "when did i last spray and with what", "Which products have I applied?"],
 "harvest": ["When can I harvest?", "When is harvest?", "When can the combine go in?", "when can i cut", "Is it safe to harvest these days?", "When is harvest time?", "From when may I harvest?", "When does harvest start on my fields?", "Can I harvest yet?", "When is it safe to bring the crop in?"],
 "input_usage": ["How much fertiliser did I use?", "How much product did I use this season?", "how much fert have i spread", "How much of what did I use?", "Fertiliser and spray usage?", "How many inputs have gone on?", "How much seed and fertiliser did I apply?", "What have I used on the fields?", "how much fertilizer this year", "What is my input usage?"],
},
}
# Which products the catalogue's rules hold for the farmer's crops in the farmer's country (no crop named).
for _k, _v in {
 "hr": ['Koja su sredstva registrirana za moje kulture?', 'Što smijem koristiti za zaštitu svojih usjeva?', 'koja sredstva su dozvoljena kod nas', 'Koji su fungicidi odobreni za moje kulture?', 'Popis dopuštenih sredstava za moje usjeve?', 'Koja zaštitna sredstva su registrirana u mojoj zemlji za ono što uzgajam?', 'Čime smijem tretirati ono što uzgajam?', 'koji preparati su dozvoljeni za moje kulture', 'Koja sredstva pravila dopuštaju za moje usjeve?', 'Imam li registriranih sredstava za svoje kulture?'],
 "sl": ['Katera sredstva so registrirana za moje kulture?', 'Kaj smem uporabiti za varstvo svojih posevkov?', 'katera sredstva so dovoljena pri nas', 'Kateri fungicidi so odobreni za moje kulture?', 'Seznam dovoljenih sredstev za moje posevke?', 'Katera FFS so registrirana v moji državi za to, kar pridelujem?', 'S čim smem tretirati to, kar pridelujem?', 'kateri pripravki so dovoljeni za moje kulture', 'Katera sredstva dovoljujejo pravila za moje posevke?', 'Imam kakšna registrirana sredstva za svoje kulture?'],
 "sr": ['Koja sredstva su registrovana za moje kulture?', 'Šta smem da koristim za zaštitu svojih useva?', 'koja sredstva su dozvoljena kod nas', 'Koji fungicidi su odobreni za moje kulture?', 'Spisak dozvoljenih sredstava za moje useve?', 'Koja zaštitna sredstva su registrovana u mojoj zemlji za ono što gajim?', 'Čime smem da tretiram ono što gajim?', 'koji preparati su dozvoljeni za moje kulture', 'Koja sredstva pravila dozvoljavaju za moje useve?', 'Imam li registrovanih sredstava za svoje kulture?'],
 "bg": ['Кои препарати са регистрирани за моите култури?', 'Какво мога да използвам за защита на посевите си?', 'кои препарати са разрешени у нас', 'Кои фунгициди са одобрени за моите култури?', 'Списък на разрешените препарати за посевите ми?', 'Кои препарати за растителна защита са регистрирани в моята страна за това, което отглеждам?', 'С какво мога да третирам това, което отглеждам?', 'кои продукти са позволени за културите ми', 'Кои препарати позволяват правилата за посевите ми?', 'Имам ли регистрирани препарати за културите си?'],
 "hu": ['Milyen szerek engedélyezettek a növényeimre?', 'Mit használhatok a növényeim védelmére?', 'milyen szerek vannak engedelyezve nalunk', 'Milyen gombaölő szerek engedélyezettek a kultúráimra?', 'Az engedélyezett szerek listája a növényeimre?', 'Milyen növényvédő szerek vannak bejegyezve az országomban arra, amit termesztek?', 'Mivel kezelhetem azt, amit termesztek?', 'milyen keszitmenyek engedelyezettek a kulturaimra', 'Milyen szereket enged a szabályozás a növényeimre?', 'Van engedélyezett szer a kultúráimra?'],
 "de": ['Welche Mittel sind für meine Kulturen zugelassen?', 'Was darf ich zum Schutz meiner Bestände verwenden?', 'welche mittel sind bei uns erlaubt', 'Welche Fungizide sind für meine Kulturen zugelassen?', 'Liste der zugelassenen Mittel für meine Bestände?', 'Welche Pflanzenschutzmittel sind in meinem Land für das zugelassen, was ich anbaue?', 'Womit darf ich behandeln, was ich anbaue?', 'welche präparate sind für meine kulturen erlaubt', 'Welche Mittel erlauben die Regeln für meine Bestände?', 'Habe ich zugelassene Mittel für meine Kulturen?'],
 "it": ['Quali prodotti sono registrati per le mie colture?', 'Cosa posso usare per proteggere le mie colture?', 'quali prodotti sono ammessi da noi', 'Quali fungicidi sono autorizzati per le mie colture?', 'Elenco dei prodotti ammessi per le mie colture?', 'Quali fitofarmaci sono registrati nel mio paese per ciò che coltivo?', 'Con cosa posso trattare ciò che coltivo?', 'quali formulati sono consentiti per le mie colture', 'Quali prodotti consentono le regole per le mie colture?', 'Ho prodotti registrati per le mie colture?'],
 "en": ['Which products are registered for my crops?', 'What am I allowed to use to protect my crops?', 'which products are allowed here', 'Which fungicides are approved for my crops?', 'List of permitted products for my crops?', 'Which crop protection products are registered in my country for what I grow?', 'What may I treat what I grow with?', 'which formulations are allowed on my crops', 'Which products do the rules allow for my crops?', 'Do I have any registered products for my crops?'],
}.items(): NEW[_k]["products"] = _v
for _lang, _kinds in NEW.items(): T[_lang].update(_kinds)
T["sr-Cyrl"] = None  # made from "sr" below, in Cyrillic, with Cyrillic field and crop forms

LAT2CYR = [("dž", "џ"), ("lj", "љ"), ("nj", "њ"), ("Dž", "Џ"), ("Lj", "Љ"), ("Nj", "Њ")] + list(zip(
    "abcčćdđefghijklmnoprsštuvzžABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ", "абцчћдђефгхијклмнопрсштувзжАБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ"))

def cyr(s):
    # Only the template's own words: slots are filled afterwards with their own Cyrillic forms; "Prosaro" stays Latin
    # in half of the rows, as farmers copy it from the label.
    out, i = [], 0
    while i < len(s):
        if s[i] == "{":
            j = s.index("}", i); out.append(s[i:j + 1]); i = j + 1; continue
        two = s[i:i + 2]
        hit = next((c for l, c in LAT2CYR[:6] if l == two), None)
        if hit: out.append(hit); i += 2; continue
        out.append(dict(LAT2CYR[6:]).get(s[i], s[i])); i += 1
    return "".join(out)

def strip(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn").replace("đ", "dj").replace("Đ", "Dj")

def rows():
    for variant in ["sl", "hr", "bg", "hu", "sr", "sr-Cyrl", "de", "it", "en"]:
        lang = "sr" if variant == "sr-Cyrl" else variant
        t = T[lang]
        for kind, templates in t.items():
            for n, tpl in enumerate(templates):
                if variant == "sr-Cyrl":
                    tpl = cyr(tpl).replace("Просаро 250 ЕЦ", "Prosaro 250 EC")
                    if n % 2 == 0: tpl = tpl.replace("Просар", "Prosar")
                for farmer, fields in FARMERS.items():
                    if kind == "phi":
                        for crop, (c, cin, cfor) in CROPS[variant].items():
                            q = tpl.replace("{cin}", cin).replace("{cfor}", cfor).replace("{c}", c)
                            yield (variant, kind, n), (f"phi_{crop}", variant, farmer, "", q)
                        continue
                    targets = fields if kind in ("field_area", "crop_on_field") else [""]
                    for field in targets:
                        q = tpl.replace("{on}", ON[variant].get(field, "")).replace("{name}", NAME[variant].get(field, ""))
                        # Every third phrasing typed without diacritics, as many farmers do on a phone.
                        if variant not in ("bg", "sr-Cyrl") and (n + len(farmer)) % 3 == 0: q = strip(q)
                        yield (variant, kind, n), (kind, variant, farmer, field, q)

def main(out_dir):
    seen, dev, held = set(), [], []
    for template, r in rows():
        if r in seen: continue
        seen.add(r)
        line = "\t".join(r)
        # Split by phrasing (variant, kind, template), not by row: a held-out phrasing is never in dev for another farmer.
        h = int(hashlib.sha256(repr(template).encode()).hexdigest()[:8], 16) % 10
        (held if h < 4 else dev).append(line)
    header = "kind\tvariant\tfarmer\tfield\tquestion"
    for name, data in (("eval-dev.tsv", dev), ("eval-heldout.tsv", held)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write(header + "\n" + "\n".join(data) + "\n")
    print(f"dev {len(dev)} rows, held-out {len(held)} rows", file=sys.stderr)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/AvaOlo.AgriculturalCore.Tests/Assistant/RuleBased/Understanding")
