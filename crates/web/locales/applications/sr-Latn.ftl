## Elektronski zahtev za privremeni boravak, eSanduče, provera, uplate.

nav-applications = Moji zahtevi
nav-mailbox = eSanduče
nav-payments = Uplate

## Moji zahtevi
apps-title = Moji zahtevi
apps-start = Započnite novi zahtev
apps-none = Još nemate nijedan zahtev.
apps-back = Nazad na Moje zahteve
apps-col-reference = Broj predmeta
apps-col-kind = Vrsta
apps-col-ground = Osnov
apps-col-status = Status
apps-col-started = Započet
apps-col-deadline = Rok
app-draft-reference = Nacrt
app-draft-deleted-on = Biće obrisan { $date } ako ne nastavite
app-kind-first = Prva dozvola za privremeni boravak
app-kind-extension = Produženje moje dozvole za privremeni boravak

## Statusi rečima portala i šta znače
app-status-draft = Nacrt
app-status-awaiting-payment = Čeka uplatu
app-status-submitted = Zahtev podnet
app-status-processing = Zahtev u obradi
app-status-updating = Dopuna zahteva
app-status-resending = Slanje podataka u toku
app-status-approved = Zahtev odobren
app-status-rejected = Zahtev odbijen
app-status-biometrics-scheduled = Biometrija zakazana
app-status-card-in-production = Kartica u izradi
app-status-card-ready = Kartica spremna za preuzimanje
app-status-card-issued = Kartica izdata
app-status-withdrawn = Povučen
app-next-draft = Popunite šest koraka, proverite odgovore i podnesite zahtev.
app-next-awaiting-payment = Platite taksu uplatnicom u nastavku. Kada uplata bude potvrđena, zahtev se smatra primljenim, a potvrda o prijemu stiže u Vaše eSanduče. To obično traje 1 do 3 radna dana od uplate.
app-next-submitted = Vaš zahtev je primljen. Potvrda o prijemu u Vašem eSandučetu je dokaz da zakonito boravite u Srbiji dok se zahtev obrađuje: čuvajte je uz pasoš. Inspektor će otvoriti Vaš predmet; sada ne morate ništa da radite.
app-next-processing = Inspektor obrađuje Vaš zahtev. Ako bude potrebno još nešto, obaveštenje ćete dobiti u eSanduče.
app-next-updating = Inspektoru su potrebna dodatna dokumenta ili ispravke. Pročitajte dopis u svom eSandučetu i pošaljite ih pre isteka roka.
app-next-resending = Vaše ispravke su poslate. Ne morate ponovo da plaćate.
app-next-approved = Vaš zahtev je odobren. Poziv za uzimanje biometrijskih podataka nalazi se u Vašem eSandučetu.
app-next-rejected = Vaš zahtev je odbijen. U rešenju u Vašem eSandučetu navedeni su razlozi i kako možete da izjavite žalbu.
app-next-biometrics-scheduled = Dođite u zakazano vreme sa pasošem i potvrdama o uplati taksi.
app-next-card-in-production = Vaša kartica se izrađuje. Obavestićemo Vas kada bude spremna.
app-next-card-ready = Karticu preuzmite lično u policijskoj upravi.
app-next-card-issued = Vaša kartica je izdata.
app-next-withdrawn = Povukli ste ovaj zahtev.

## Početak
start-title = Podnesite zahtev za privremeni boravak
start-intro = Izaberite za šta podnosite zahtev. Odgovore možete da sačuvate i da se vratite u bilo kom trenutku u roku od 30 dana.
start-submit = Započnite
minor-title = Ovaj zahtev se podnosi lično
minor-in-person = Zahtev za maloletno lice podnose roditelji ili zakonski zastupnici lično, u policijskoj upravi, u odseku za strance prema mestu boravka deteta. Ponesite pasoš deteta, izvod iz matične knjige rođenih i dokumenta za osnov boravka.
extension-needs-ebs-title = Prvo povežite broj svoje dozvole za boravak
extension-needs-ebs-body = Za produženje Vaš nalog mora da bude povezan sa evidencijskim brojem stranca (EBS) iz Vaše trenutne dozvole. Bez njega bi se zahtev smatrao prvim zahtevom.
extension-needs-ebs-first = Broj možete da povežete sada ili da umesto toga podnesete prvi zahtev.
extension-link-ebs = Povežite broj svoje dozvole
extension-apply-as-first = Podnesite kao prvi zahtev
ebs-title = Povežite broj svoje dozvole za boravak
ebs-intro = Unesite evidencijski broj stranca (EBS) od 13 cifara, odštampan na Vašoj trenutnoj dozvoli za boravak. Inspektor ga upoređuje sa Vašom dozvolom.
ebs-submit = Sačuvajte i nastavite

## Spisak koraka
tasks-title = Vaš zahtev
tasks-progress-before = Završeni koraci:
tasks-review = Proverite odgovore i podnesite zahtev
tasks-review-later = Kada završite svih šest koraka, moći ćete da proverite odgovore i podnesete zahtev.
tasks-kept-until = Ovaj nacrt se čuva do
tasks-delete = Obrišite ovaj nacrt
task-not-started = Nije započeto
task-in-progress = U toku
task-completed = Završeno
task-cannot-start-yet = Još ne može da se započne
task-problem = Postoji problem
guidance-title = Šta pravila kažu za Vas
guidance-extension-window = Zahtev za produženje možete da podnesete od { $from } do { $to }.
extension-deadline-title = Poslednji dan za Vaše produženje
extension-paid-submit-by = Uplata takse je već potvrđena, pa se zahtev smatra podnetim onog dana kada pritisnete Podnesi. Vaša sadašnja dozvola ističe { $latest_submission }: podnesite zahtev najkasnije tog dana.
step-check-title = Provera
step-personal-title = Lični podaci
step-reasons-title = Razlozi boravka
step-details-title = Detalji razloga
step-documents-title = Dokumentacija
step-fees-title = Takse i plaćanje
step-counter = Korak { $n } od { $total }
step-back-to-tasks = Nazad na Vaš zahtev
step-save-continue = Sačuvajte i nastavite
step-save-later = Sačuvajte i vratite se kasnije
step-conflict-title = Ovaj zahtev je izmenjen u drugom prozoru
step-conflict-body = Neko je sačuvao ovaj korak u drugoj kartici ili na drugom uređaju pošto ste ga otvorili. Vaši odgovori u nastavku još nisu sačuvani. Proverite ih i izaberite „Sačuvajte i nastavite“ da biste njima zamenili noviju verziju.
step-restored = Vaša sesija je istekla pre nego što smo sačuvali ovaj korak. Zadržali smo ono što ste uneli: proverite i sačuvajte.
reasons-single-permit-note = Za zapošljavanje na osnovu ugovora o radu i druge razloge za koje se izdaje jedinstvena dozvola zahtev može da se podnese samo elektronski. Za ostale osnove zahtev možete da podnesete i lično u policijskoj upravi.
reasons-online-only = Osnov koji ste izabrali vodi do jedinstvene dozvole (boravak i rad): zahtev se podnosi samo elektronski.
reasons-in-person-too = Za osnov koji ste izabrali zahtev možete podneti i lično, u policijskoj upravi za strance; elektronski je obično brže.
reasons-d-visa-basis = Vaša viza D izdata je po osnovu { $basis }: izaberite razlog u okviru tog osnova. Imalac vize D može da podnese zahtev samo po osnovu po kome je viza izdata.
error-d-visa-basis-required = Izaberite osnov po kome je izdata Vaša viza D.
hint-period-longest = Ostavite prazno za najduži period koji pravila dozvoljavaju: od { $from } do { $until }.

## Polja koraka
field-location = Gde se sada nalazite?
location-in-serbia = U Srbiji
location-abroad = U inostranstvu
field-last-entry = Datum Vašeg poslednjeg ulaska u Srbiju
hint-last-entry = Na primer 1. oktobar 2026. Potrebno ako ste u Srbiji.
hint-has-d-visa = Državljanima nekih država (na primer Kazahstana, Uzbekistana i Tadžikistana) potrebna je viza D pre podnošenja zahteva.
field-current-permit-expiry = Datum isteka Vaše trenutne dozvole
hint-current-permit-expiry = Poslednji dan važenja Vaše trenutne dozvole za privremeni boravak.
field-birth-place = Mesto i država rođenja
field-father-name = Ime oca
field-mother-name = Ime majke
field-education = Obrazovanje
education-none = Bez formalnog obrazovanja
education-primary = Osnovna škola
education-secondary = Srednja škola
education-bachelor = Fakultet – osnovne studije
education-master = Fakultet – master studije
education-doctorate = Doktorat
field-new-passport = Da li imate novi pasoš od kada je izdata Vaša trenutna dozvola?
field-passport-number = Broj pasoša
field-passport-country = Država koja je izdala pasoš
field-passport-issued = Datum izdavanja
field-passport-expiry = Datum isteka
hint-passport-expiry = Pasoš mora da važi najmanje 3 meseca duže od perioda za koji podnosite zahtev.
field-ground = Osnov boravka
field-residence-municipality = Opština prebivališta
hint-residence-municipality = Opština vaše adrese u Srbiji. Od nje zavise vaša policijska uprava i poziv na broj za taksu.
field-payment-note = Šta ste proverili (čuva se uz evidenciju uplate)
field-street = Ulica
field-house-number = Kućni broj i broj stana
field-postcode = Poštanski broj
field-payment-method = Kako ćete platiti?
payment-method-slip = Uplatnicom (u banci, pošti ili menjačnici, ili aplikacijom Vaše banke skeniranjem QR koda)
payment-card-later = Plaćanje karticom biće omogućeno kasnije.

## Dokumentacija
docs-intro = Priložite svaki dokument u formatu PDF, JPEG ili PNG, najviše 5 MB po datoteci, sa različitim nazivima datoteka. Za jedan dokument možete da priložite više datoteka.
docs-choose = Izaberite datoteke
docs-upload = Priložite
docs-progress = Napredak prilaganja
doc-other-documents = Ostala prateća dokumenta

## Takse
fees-due-caption = Takse za ovaj zahtev
fees-col-item = Taksa
fees-due-now = Za uplatu sada:

## Provera odgovora
review-title = Proverite odgovore pre podnošenja
review-change = Izmenite
review-amount = Iznos za uplatu
review-reference = Model i poziv na broj
review-declaration-title = Izjava
review-declaration = Izjavljujem da su navedeni podaci tačni i potpuni i da su priložena dokumenta verodostojna.
review-submit = Podnesite zahtev
review-not-ready = Neki koraci još nisu završeni. Vratite se na svoj zahtev i završite ih.

## Predmet
submitted-title = Zahtev podnet
submitted-reference = Broj Vašeg predmeta
app-case-title = Zahtev
case-locked = Ovaj zahtev je podnet i više se ne može menjati. Izmena koju ste upravo poslali nije sačuvana.
error-application-not-found-title = Nije pronađeno među vašim zahtevima
error-application-not-found-body = Ono na šta ova adresa upućuje nije među vašim zahtevima. Nacrt ili datoteka koji su obrisani (u drugom prozoru, ili nacrt posle 30 dana bez izmena) više ne postoje i u njih se više ništa ne može sačuvati.
case-status = Status
case-deadline = Rok
case-details = Detalji
case-mailbox-link = Idite u svoje eSanduče
case-history = Tok predmeta
history-when = Kada
history-what = Šta se desilo
history-status = Status
history-why = Razlog
case-submitted-at = Podnet
case-paid-at = Taksa plaćena
case-not-paid = Još nije potvrđeno
case-files = Priložene datoteke
event-started = Zahtev započet
event-submitted = Zahtev podnet; čeka se uplata
event-submitted-paid = Zahtev podnet, taksa je već plaćena
event-payment-confirmed = Uplata potvrđena; zahtev primljen
event-payment-received = Uplata primljena
event-receipt-delivered = Potvrda o prijemu dostavljena u eSanduče
why-bank-statement = Izvod iz banke
why-supervisor = Potvrdilo nadređeno lice
delete-title = Da li želite da obrišete ovaj nacrt?
delete-body = Vaši odgovori i priložene datoteke biće obrisani. Ovo ne može da se poništi.
delete-confirm = Da, obrišite nacrt
delete-cancel = Ne, vratite se nazad

## eSanduče
mailbox-title = eSanduče
mailbox-intro = Službena dokumenta upućena Vama. Ostaju ovde; ništa ne može da se obriše.
mailbox-empty = Vaše eSanduče je prazno.
mailbox-unread-count = { $n ->
    [one] { $n } nepročitan dokument
    [few] { $n } nepročitana dokumenta
   *[other] { $n } nepročitanih dokumenata
}
mailbox-col-document = Dokument
mailbox-reference = Broj predmeta
mailbox-delivered = Dostavljeno
mailbox-opened = Prvi put otvoreno
mailbox-size = Veličina
mailbox-unread = Novo
mailbox-back = Nazad na eSanduče
mailbox-download = Preuzmite PDF
mailbox-case-link = Pogledajte zahtev
mailbox-kept = Ništa ovde ne može da se obriše. Datum kada ste dokument prvi put otvorili beleži se kao datum prijema.
mailbox-kind-receipt = Potvrda o prijemu zahteva

## Provera
verify-title = Proverite potvrdu o prijemu
verify-intro = Unesite kod odštampan ispod QR koda na potvrdi o prijemu zahteva da biste proverili da li je verodostojna.
field-code = Kod za proveru
hint-code = 12 slova i cifara, na primer 7KQ4-M2XD-9PHT.
verify-submit = Proverite
verify-genuine = Ova potvrda je verodostojna
verify-state = Stanje zahteva
verify-pending = Primljen, u obradi (podnosilac može da boravi u Srbiji dok se ne donese odluka)

## Uplate (za službenike)
payments-title = Uplate koje čekaju potvrdu
payments-intro = Zahtevi za koje taksa još nije potvrđena. Izvodi iz banke automatski potvrđuju uplate; ovde potvrdite uplatu samo ako ste je videli.
payments-none = Nijedan zahtev ne čeka uplatu.
payments-confirm = Potvrdite uplatu

## Potvrda o prijemu zahteva (PDF)
receipt-issuer = Republika Srbija · Ministarstvo unutrašnjih poslova · portal eForeigner
receipt-title = Potvrda o prijemu zahteva
receipt-reference = Broj predmeta
receipt-received = Primljeno
receipt-applicant = Podnosilac zahteva
receipt-passport = Pasoš
receipt-kind = Vrsta zahteva
receipt-basis = Osnov
receipt-period = Traženi period
receipt-period-longest = Najduži period koji pravila dozvoljavaju
receipt-documents = Priložena dokumenta
receipt-verify = Proverite da li je ova potvrda verodostojna: skenirajte kod ili otvorite adresu i unesite kod.
receipt-code = Kod za proveru
receipt-note = Ova potvrda dokazuje da je zahtev za privremeni boravak primljen. Čuvajte je uz pasoš dok se zahtev obrađuje i pokažite je na granici ako se to od Vas zatraži. Ona nije dozvola za boravak.
receipt-page = Strana {"{"}n{"}"} od {"{"}total{"}"}

## E-poruke (bez ličnih podataka)
mail-document-waiting-subject = U Vašem eSandučetu je novi dokument
mail-document-waiting-body = U Vašem eSandučetu na portalu eForeigner čeka Vas novi službeni dokument. Prijavite se da biste ga pročitali:
    { $link }
mail-draft-expiring-subject = Nacrt Vašeg zahteva uskoro će biti obrisan
mail-draft-expiring-body = Nacrt Vašeg zahteva za privremeni boravak biće obrisan { $date } ako ga ne nastavite. Nastavite ovde:
    { $link }

## Greške
error-date-in-future = Datum ne može da bude u budućnosti.
error-date-of-birth-missing = U Vašem nalogu nedostaje datum rođenja. Unesite ga u koraku „Lični podaci“.
error-passport-expired = Pasoš je istekao. Unesite važeći pasoš.
error-expiry-before-issue = Datum isteka mora da bude posle datuma izdavanja.
error-postcode-invalid = Unesite poštanski broj od 5 cifara ili ostavite polje prazno.
error-document-missing = Otpremite bar jednu datoteku za: { $document }.
error-documents-not-confirmed = Izaberite „Sačuvajte i nastavite“ kada priložite dokumenta.
error-file-none-chosen = Izaberite najmanje jednu datoteku koju želite da priložite.
error-file-quota = Broj datoteka u zahtevu može da bude najviše { $files }, a njihova ukupna veličina najviše { $mb } MB.
error-declaration-required = Potvrdite izjavu da biste podneli zahtev.
error-steps-incomplete = Neki koraci nisu završeni.
error-changed-meanwhile = Zahtev je izmenjen u drugom prozoru. Ponovo proverite odgovore i podnesite zahtev.
error-verify-not-found = Nijedna potvrda nema ovaj kod. Proverite da li ste kod ispravno uneli.

## Detalji razloga (polja definisana u datoteci details.json paketa sa pravilima)
field-accreditation-number = Broj akreditacije
field-business-address = Adresa sedišta privrednog subjekta
field-business-name = Naziv privrednog subjekta (kako je registrovan u APR-u)
field-business-pib = Poreski identifikacioni broj (PIB) privrednog subjekta
field-business-register-number = Matični broj (MB) privrednog subjekta
field-cadastral-municipality = Katastarska opština
field-cadastral-parcel = Broj katastarske parcele
field-client-mb = Matični broj (MB) naručioca
field-client-name = Naziv naručioca
field-client-pib = Poreski identifikacioni broj (PIB) naručioca
field-company-mb = Matični broj (MB) privrednog društva
field-company-name = Naziv privrednog društva
field-contract-end = Datum isteka ugovora
hint-contract-end = Potrebno za ugovor na određeno vreme. Dozvola ne može da traje duže od ugovora.
field-contract-type = Vrsta ugovora o radu
option-contract-type-fixed-term = Na određeno vreme
option-contract-type-indefinite = Na neodređeno vreme
field-employer-mb = Matični broj (MB) poslodavca
hint-employer-mb = 8 cifara, kako je registrovan u Agenciji za privredne registre (APR).
field-employer-name = Naziv poslodavca
field-employer-pib = Poreski identifikacioni broj (PIB) poslodavca
hint-employer-pib = 9 cifara.
field-explanation = Šta još inspektor treba da zna
hint-explanation = Nije obavezno. Najviše 2000 znakova.
field-family-member-id = JMBG ili evidencijski broj stranca (EBS) člana porodice
hint-family-member-id = 13 cifara: JMBG državljanina Srbije ili EBS stranca.
field-family-member-name = Ime i prezime člana porodice
field-family-member-permit = Dozvola za boravak člana porodice (vrsta i broj)
field-field-of-talent = Oblast Vašeg talenta (nauka, umetnost, kultura, sport…)
field-health-institution = Zdravstvena ustanova
field-host-organisation-mb = Matični broj (MB) organizacije domaćina
field-host-organisation-name = Naziv organizacije domaćina
field-institution-name = Naziv škole ili visokoškolske ustanove
field-job-title = Naziv radnog mesta
field-media-outlet = Medij
field-production-company-name = Produkcijska kuća
field-production-title = Naziv produkcije
field-profession = Zanimanje
field-project-end = Datum završetka projekta
field-project-name = Naziv projekta
field-property-address = Adresa nepokretnosti
field-property-register-number = Broj lista nepokretnosti
field-recognition = Nagrade i priznanja
field-relationship = Vaš odnos sa članom porodice
option-relationship-spouse = Supružnik
option-relationship-partner = Vanbračni partner
option-relationship-child = Dete
option-relationship-parent = Roditelj
option-relationship-other = Drugi srodnik
field-religious-organisation = Crkva ili verska zajednica
field-state-authority = Državni organ
field-studies-end = Očekivani završetak studija
hint-studies-end = Dozvola ne može da traje duže od Vaših studija.
field-study-programme = Studijski program
field-treatment-end = Očekivani završetak lečenja
error-date-not-future = Datum mora da bude posle današnjeg dana.
mailbox-not-opened = Još nije otvoreno
mailbox-open-explain = Otvaranjem dokumenta beleže se datum i vreme kada ste ga primili (potvrda o prijemu). Zatim možete da ga pročitate i preuzmete.
mailbox-open = Otvorite dokument
verify-holder-initials = Inicijali podnosioca
verify-holder-born = Godina rođenja
verify-passport-ends = Broj pasoša se završava na
payments-lines-title = Stavke uplata koje traže pažnju
payments-lines-intro = Stavke bankarskih izvoda koje nisu prihvaćene: iznos se ne slaže sa taksom ili nijedan zahtev nema taj poziv na broj. Ostaju ovde i prijavljuju se pri svakom uvozu dok ih ne rešite.
payments-lines-none = Nijedna stavka uplate ne traži pažnju.
payments-col-paid-on = Datum uplate
payments-col-payer = Uplatilac
payments-col-problem = Problem
payments-resolve = Označi kao rešeno
payments-problem-amount-mismatch = Iznos se ne slaže sa taksom zahteva
payments-problem-unknown-reference = Nijedan zahtev nema ovaj poziv na broj
field-resolution-note = Kako je rešeno (čuva se uz evidenciju uplate)
notice-payment-confirmed = Uplata je potvrđena. Podnosilac dobija potvrdu o prijemu u e-Sanduče.
notice-payment-line-resolved = Stavka uplate je označena kao rešena.
notice-draft-deleted = Nacrt je obrisan, zajedno sa datotekama.
notice-saved-for-later = Vaši odgovori su sačuvani. Možete se vratiti ovom zahtevu bilo kada u narednih 30 dana.
notice-files-uploaded = Datoteke su otpremljene.
notice-slip-ready = Vaš nalog za uplatu je ispod, sa pozivom na broj ovog zahteva. Platite po njemu, pa nastavite.
notice-document-opened = Dokument je otvoren. Datum i vreme prijema su zabeleženi.
docs-file-hint = PDF, JPEG ili PNG, najviše 5 MB po datoteci. Možete izabrati više datoteka; njihovi nazivi moraju da se razlikuju u okviru ovog dokumenta.
receipt-period-from-to = Od { $from } do { $until }
