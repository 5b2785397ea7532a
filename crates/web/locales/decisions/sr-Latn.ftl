# Posle „Zahtev u obradi“: zahtevi za dopunu, odluke i njihovi dopisi.

## Stranica predmeta (službenik)
casefile-lapsed = Rok za ispravke podnosioca je istekao bez odgovora. Možete odlučiti na osnovu spisa kakav jeste ili ponovo zatražiti dopunu.
casefile-deadline-text = Podnosilac ima rok do { $date } da pošalje ispravke (preostalo dana: { $days }).
casefile-proposal-heading = Predloženo odbijanje, čeka se rukovodilac
casefile-proposal-at = Predloženo
casefile-resume = Preuzmi ispravke
casefile-confirm-rejection = Potvrdi odbijanje
casefile-return-rejection = Vrati predlog
casefile-approve-heading = Odobri zahtev
casefile-approve-intro = Pravila na današnji dan daju ovaj period:
casefile-approve = Odobri zahtev
casefile-update-heading = Zatraži od podnosioca dokumente ili ispravke
casefile-update-message = Šta nedostaje ili nije ispravno
casefile-update-message-hint = Podnosilac ovo čita u dopisu. Navedite tačno šta treba poslati ili ispraviti.
casefile-update-scope = Šta podnosilac sme da promeni
casefile-update-steps = Koraci čiji se odgovori mogu menjati:
casefile-update-items = Dokumenti koji se mogu zameniti ili dodati:
casefile-update-days = Broj dana za odgovor
casefile-update-days-hint = Obično 8 dana. Poslednji dan se računa od danas.
casefile-update-send = Pošalji zahtev za dopunu
casefile-reject-heading = Predloži odbijanje
casefile-reject-intro = Odbijanje stupa na snagu tek kada ga potvrdi rukovodilac ove policijske uprave, i to neko drugi, a ne Vi.
casefile-reject-grounds = Razlozi za odbijanje
casefile-reject-reasoning = Obrazloženje
casefile-reject-propose = Predloži odbijanje
casefile-rules-heading = Pravila na današnji dan
casefile-rules-period = Period koji pravila daju danas:
casefile-rules-no-period = Pravila danas ne daju period (vidi razloge ispod).
casefile-letters-heading = Poslati dopisi
notice-case-update-requested = Zahtev za dopunu je poslat u e-Sanduče podnosioca.
notice-case-resumed = Preuzeli ste ispravke podnosioca. Status je ponovo „Zahtev u obradi“.
notice-case-approved = Zahtev je odobren. Odluka se šalje u e-Sanduče podnosioca.
notice-case-rejection-proposed = Odbijanje je predloženo. Stupa na snagu kada ga potvrdi rukovodilac.
notice-case-rejected = Odbijanje je potvrđeno. Odluka se šalje u e-Sanduče podnosioca.
notice-case-rejection-returned = Predlog odbijanja je vraćen inspektoru.
notice-case-moved-meanwhile = Ništa nije promenjeno: predmet je u međuvremenu promenjen ili ovo više nije moguće. Stranica prikazuje predmet kakav je sada.
event-update-requested = Inspektor je zatražio dokumente ili ispravke
event-update-sent = Podnosilac je poslao ispravke
event-update-lapsed = Rok za ispravke je istekao bez odgovora
event-resumed = Inspektor je preuzeo ispravke
event-approved = Zahtev je odobren
event-rejected = Zahtev je odbijen
event-rejection-proposed = Inspektor je predložio odbijanje
event-rejection-returned = Rukovodilac je vratio predlog odbijanja
error-update-nothing-named = Navedite bar jedan korak ili dokument koji podnosilac sme da promeni.
error-deadline-not-in-future = Dajte bar 1 dan: rok mora biti posle današnjeg dana.
error-deadline-too-long = Dajte najviše { $max } dana.
error-whole-number = Unesite ceo broj dana, na primer 8.
error-rejection-no-ground = Izaberite bar jedan razlog za odbijanje.
error-decision-rules-no-period = Zahtev se danas ne može odobriti: pravila ne daju period (na primer, pasoš važi prekratko). Zatražite dopunu ili predložite odbijanje.
error-required-message = Napišite šta nedostaje ili nije ispravno.
error-required-reasoning = Napišite obrazloženje odbijanja.

## Strana podnosioca
case-days-left = { $days ->
    [0] danas je poslednji dan
   *[other] preostalo dana: { $days }
}
case-update-heading = Šta treba da uradite
case-update-intro = Inspektor je zatražio dokumente ili ispravke (vidi dopis ispod). Možete promeniti samo ove delove; sve ostalo ostaje kako ste podneli. Ne plaćate ponovo.
case-update-check-and-send = Proverite odgovore i pošaljite ispravke
case-letters-heading = Dopisi o Vašem zahtevu
review-resend-intro = Kada pošaljete ispravke, zahtev se vraća inspektoru. Ne plaćate ponovo.
review-resend = Pošalji ispravke
docs-read-only = Inspektor nije tražio ovaj dokument: ostaje kako je podnet.
mailbox-kind-update-request = Zahtev za dokumente ili ispravke
mailbox-kind-approval = Odluka: zahtev odobren
mailbox-kind-rejection = Odluka: zahtev odbijen
mail-update-reminder-subject = Rok za ispravke je { $deadline }
mail-update-reminder-body = Policijska uprava je zatražila od Vas dokumente ili ispravke. Poslednji dan da ih pošaljete je { $deadline }. Zahtev otvorite ovde:
    { $link }

## Dopisi (na stranici i u PDF-u)
letter-title-update-request = Zahtev za dokumente ili ispravke
letter-title-approval = Rešenje: zahtev za privremeni boravak je odobren
letter-title-rejection = Rešenje: zahtev za privremeni boravak je odbijen
letter-date = Datum dopisa
letter-number = Broj rešenja
letter-message = Šta nedostaje ili nije ispravno
letter-deadline = Rok
letter-deadline-text = Pošaljite ispravke do { $date }. Ako do tada ne odgovorite, policijska uprava može odlučiti o zahtevu na osnovu onoga što je podneto.
letter-how-heading = Kako da odgovorite
letter-how-text = Prijavite se na eForeigner, otvorite zahtev i promenite delove navedene ispod. Zatim proverite odgovore i pošaljite ispravke. Ne plaćate ponovo.
letter-scope = Šta možete promeniti
letter-item = Dokument
letter-permit = Dozvola
letter-permit-temporary-residence = Dozvola za privremeni boravak
letter-permit-single-permit = Dozvola za privremeni boravak i rad (jedinstvena dozvola)
letter-period = Period
letter-biometrics = Poziv za biometriju
letter-biometrics-text = Pozivate se da date biometrijske podatke (otiske prstiju i fotografiju) u policijskoj upravi. Pre dolaska platite takse za biometriju u iznosu od { $amount }. Ponesite pasoš i potvrde o uplati.
letter-minor = Termin za dete
letter-minor-text = Oba roditelja moraju prisustvovati terminu za biometriju deteta.
letter-grounds = Razlozi za odbijanje
letter-reasoning = Obrazloženje
letter-remedy = Pravni lek
letter-remedy-text = Protiv ovog rešenja možete izjaviti žalbu Ministarstvu unutrašnjih poslova u zakonskom roku, preko policijske uprave koja ga je donela. (Treba potvrditi: izvori portala ne navode pravni lek ni njegov rok.)
letter-note = Ovaj dopis je izdat preko portala eForeigner. Proverite njegovu verodostojnost kodom iznad.
cases-mark-lapsed = Rok istekao
cases-mark-rejection-pending = Odbijanje čeka potvrdu
cases-mark-deadline = Ispravke do { $date }

## Termini za biometriju i kartica
nav-biometrics = Termini za biometriju
casefile-appointment = Termin za biometriju:
casefile-biometrics-taken = Evidentiraj da su biometrijski podaci uzeti
casefile-card-ready = Evidentiraj da je kartica spremna za preuzimanje
casefile-card-issued = Evidentiraj da je kartica uručena
notice-case-biometrics-taken = Evidentirano: biometrijski podaci su uzeti. Kartica je u izradi.
notice-case-card-ready = Evidentirano: kartica je spremna. Obaveštenje se šalje u e-Sanduče podnosioca.
notice-case-card-issued = Evidentirano: kartica je uručena.
event-biometrics-booked = Podnosilac je zakazao termin za biometriju
event-biometrics-taken = Biometrijski podaci su uzeti; kartica je u izradi
event-card-ready = Kartica je spremna za preuzimanje
event-card-issued = Kartica je uručena
slots-title = Termini za biometriju
slots-open-heading = Otvori termine za jedan dan
slots-field-day = Dan
slots-field-from = Od (lokalno vreme)
slots-field-until = Do (lokalno vreme)
slots-field-minutes = Minuta po terminu
slots-field-capacity = Osoba po terminu
slots-open = Otvori termine
slots-list-heading = Termini narednih 60 dana
slots-none = Još nema otvorenih termina.
slots-col-when = Kada
slots-col-places = Zakazano
slots-col-action = Radnja
slots-closed = Zatvoren
slots-close = Zatvori
slots-places = { $booked } od { $capacity }
notice-slots-opened = Termini su otvoreni.
notice-slot-closed = Termin je zatvoren. Već zakazani termini ostaju.
error-slot-day-out-of-range = Izaberite dan posle današnjeg, u narednih 180 dana.
error-slot-end-before-start = Kraj mora biti posle početka.
error-slot-length = Termin traje od 5 do 240 minuta.
error-slot-capacity = Termin prima od 1 do 50 osoba.
error-time-invalid = Unesite vreme, na primer 08:30.
error-booking-locked = Do Vašeg termina je manje od 24 sata i više se ne može pomeriti. Ako ne možete doći, obratite se policijskoj upravi.
error-slot-too-soon = Izaberite vreme najmanje 24 sata od sada.
error-slot-full = To vreme je upravo popunjeno ili zatvoreno. Izaberite drugo.
error-choose-one-slot = Izaberite vreme.
booking-title = Vaš termin za biometriju
booking-back = Nazad na zahtev
booking-intro = Otiske prstiju i fotografiju dajete u:
booking-current = Vaš termin:
booking-calendar = Dodajte u kalendar (.ics)
booking-none = U narednih 60 dana još nema slobodnih termina. Vratite se kasnije: policijska uprava redovno otvara nove termine.
booking-choose = Izaberite vreme
booking-move = Izaberite novo vreme
booking-hint = Termin možete pomeriti najkasnije 24 sata pre njega. Ponesite pasoš i potvrde o uplati taksi za biometriju.
booking-free = { $free ->
    [1] slobodno još 1 mesto
   *[other] slobodnih mesta: { $free }
}
booking-book = Zakaži ovo vreme
booking-rebook = Pomeri termin
booking-locked = Do Vašeg termina je manje od 24 sata i više se ne može pomeriti.
booking-calendar-summary = Biometrija za dozvolu boravka
case-biometrics-heading = Biometrija
case-book-biometrics = Zakažite termin za biometriju
case-move-biometrics = Promenite termin
notice-biometrics-booked = Termin je zakazan. Vreme smo Vam poslali e-poštom.
mail-biometrics-booked-subject = Vaš termin za biometriju: { $date } u { $time }
mail-biometrics-booked-body = Vaš termin za biometriju je { $date } u { $time }. Ponesite pasoš i potvrde o uplati taksi za biometriju. Termin možete promeniti najkasnije 24 sata pre:
    { $link }
mail-biometrics-reminder-subject = Podsetnik: termin za biometriju { $date } u { $time }
mail-biometrics-reminder-body = Vaš termin za biometriju je { $date } u { $time }. Ponesite pasoš i potvrde o uplati. Terminu deteta prisustvuju oba roditelja.
    { $link }
letter-title-card-ready = Vaša kartica dozvole boravka je spremna
letter-card-ready = Preuzimanje
letter-card-ready-text = Vaša kartica je spremna za preuzimanje u policijskoj upravi. Svaka punoletna osoba preuzima karticu lično; karticu deteta preuzimaju oba roditelja zajedno.
mailbox-kind-card-ready = Obaveštenje: kartica je spremna

## Brojke i procene
nav-figures = Brojke
figures-title = Brojke policijske uprave
figures-csv = Preuzmi kao CSV
figures-status-heading = Predmeti po statusu
figures-none = Još nema predmeta.
figures-col-cases = Predmeta
figures-overdue = Prekoračeni rok
figures-overdue-hint = Otvoreni predmeti (podneti, u obradi ili dopuni) primljeni pre više od 120 dana.
figures-basis-heading = Dani od prijema do odluke, po osnovu
figures-no-decisions = Još nema odluka.
figures-col-decisions = Odluka
figures-col-median = Medijana dana
case-estimate = Koliko može trajati: u ovoj policijskoj upravi polovina zahteva po ovom osnovu rešena je za { $median } dana, a 8 od 10 za { $p80 } dana (poslednjih 180 dana, odluka: { $n }).
case-estimate-none = Koliko može trajati: u ovoj policijskoj upravi još nema dovoljno odluka po ovom osnovu za procenu. U proseku odluka traje 3 do 4 meseca.

## Potvrda o pokrenutom postupku
letter-title-certificate = Potvrda o pokrenutom postupku za izdavanje dozvole za privremeni boravak
letter-ebs = Evidencijski broj stranca
letter-certificate = Čemu služi ova potvrda
letter-certificate-text = Ova potvrda potvrđuje da je pokrenut postupak za izdavanje Vaše dozvole za privremeni boravak. Evidencijski broj stranca iznad je potreban Vama ili Vašem poslodavcu za ostvarivanje prava i obaveza u Srbiji.
mailbox-kind-certificate = Potvrda o pokrenutom postupku

## Izgubljena dozvola
case-lost-heading = Izgubili ste dozvolu?
case-lost-intro = Ako je Vaša kartica dozvole boravka izgubljena ili ukradena, prijavite to ovde bez odlaganja. Dozvola se oglašava nevažećom, a zatim podnosite zahtev za novu.
case-lost-link = Prijavi gubitak dozvole
case-permit-invalidated = Ova dozvola je oglašena nevažećom (prijavljen gubitak) dana
lost-title = Prijaviti gubitak dozvole?
lost-body = Vaša dozvola će odmah biti oglašena nevažećom i navedena na javnoj stranici nevažećih dozvola (samo broj i datum). Ovo se ne može poništiti, čak i ako pronađete karticu.
lost-next = Zatim se obratite svojoj policijskoj upravi radi izdavanja nove dozvole.
lost-confirm = Da, oglasi moju dozvolu nevažećom
lost-cancel = Ne, vrati se
notice-permit-invalidated = Vaša dozvola je oglašena nevažećom. Poslali smo Vam potvrdu e-poštom.
mail-permit-invalidated-subject = Vaša dozvola je oglašena nevažećom
mail-permit-invalidated-body = Prijavili ste gubitak dozvole { $number }. Dozvola je oglašena nevažećom i navedena na javnoj stranici nevažećih dozvola. Obratite se svojoj policijskoj upravi radi izdavanja nove dozvole.
invalidated-title = Nevažeće dozvole boravka
invalidated-intro = Dozvole oglašene nevažećim nakon što su ih imaoci prijavili kao izgubljene (Ministarstvo unutrašnjih poslova ih objavljuje na svom sajtu). Prikazuju se samo broj dozvole i datum.
invalidated-none = Nijedna dozvola nije oglašena nevažećom.
invalidated-col-number = Broj dozvole
invalidated-col-date = Oglašena nevažećom
footer-verify = Provera dokumenta

## Policijske uprave službenika (administrator)
nav-departments = Uprave
departments-title = Službenici i njihove policijske uprave
departments-intro = Inspektor ili rukovodilac radi samo na predmetima svoje policijske uprave. Izaberite upravu za svakog službenika i sačuvajte.
departments-none = Nema aktivnih inspektora ni rukovodilaca.
departments-col-officer = Službenik
departments-col-role = Uloga
departments-col-department = Policijska uprava
departments-no-department = Bez uprave
departments-save = Sačuvaj
notice-department-assigned = Uprava službenika je sačuvana.
error-choose-one-department = Izaberite policijsku upravu sa spiska.
cases-filter-kind = Vrsta zahteva
cases-filter-any-kind = Bilo koja vrsta
cases-filter-basis = Osnov
cases-filter-any-basis = Bilo koji osnov
cases-filter-overdue = Samo predmeti sa prekoračenim rokom (primljeni pre više od 120 dana, bez odluke)
