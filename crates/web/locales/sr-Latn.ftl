## Raspored stranice
service-name = eForeigner
skip-to-content = Pređite na glavni sadržaj
nav-label = Glavni meni
nav-verifications = Red za proveru
nav-services = Usluge
nav-account = Vaš nalog
nav-sign-out = Odjavite se
nav-sign-in = Prijavite se
nav-register = Napravite nalog
nav-dev-mailbox = Poštansko sanduče za razvoj
language-switch-label = Jezik
timeout-title = Uskoro ćete biti odjavljeni
timeout-body = Radi Vaše bezbednosti, odjavljujemo Vas posle određenog vremena bez aktivnosti. Sve što niste sačuvali biće izgubljeno.
timeout-extend = Ostanite prijavljeni
footer-text = eForeigner – portal elektronske uprave za strane državljane. Softver otvorenog koda.
session-expires-at = Ako nema aktivnosti, Vaša sesija ističe u
save = Sačuvajte
back-to-account = Nazad na Vaš nalog
optional = (nije obavezno)
select-placeholder = Izaberite…
error-summary-title = Postoji problem
uploads-kept-title = Već priložene datoteke
uploads-remove = Uklonite

## Početna stranica
home-title = Usluge za strane državljane u Srbiji
home-lead = Napravite jedan nalog i koristite elektronske usluge za strane državljane: podnesite zahtev za privremeni boravak, pratite svoje zahteve i primajte službene dokumente.
home-register = Napravite nalog
home-have-account = Već imate nalog?
home-how-title = Kako funkcioniše
home-how-1 = Napravite nalog sa svojom adresom e-pošte i priložite pasoš ili ličnu kartu za stranca.
home-how-2 = Potvrdite adresu e-pošte preko linka koji ćemo Vam poslati.
home-how-3 = Ovlašćeno lice proverava Vaš dokument, najkasnije u roku od 24 sata.
home-how-4 = Kada Vaš nalog bude aktivan, možete da koristite usluge.

## Stranice sa greškom
error-go-home = Idite na početnu stranicu
error-not-found-title = Stranica nije pronađena
error-not-found-body = Stranica ne postoji ili nemate pristup njoj. Ako ste sami ukucali adresu, proverite je.
error-forbidden-title = Pristup nije dozvoljen
error-forbidden-body = Vaš nalog nema pristup ovoj stranici.
error-access-denied-title = Pristup nije dozvoljen – Vaš nalog čeka proveru
error-access-denied-body = Usluge možete da koristite kada ovlašćeno lice proveri Vaš identifikacioni dokument. To se dešava u roku od 24 sata od potvrde adrese e-pošte.
access-denied-see-status = Pogledajte status svog naloga
error-csrf-title = Ovaj obrazac je istekao
error-csrf-body = Radi Vaše bezbednosti, obrazac nije poslat. Vratite se nazad, ponovo učitajte stranicu i pokušajte ponovo.
error-csrf-back = Počnite ispočetka
error-bad-request-title = Nešto u zahtevu nije bilo u redu
error-bad-request-body = Zahtev nije mogao da se obradi. Vratite se nazad i pokušajte ponovo.
error-method-title = Ova stranica ne može da se otvori preko svoje adrese
error-method-body = Na ovu adresu se šalje obrazac, pa ona nema svoju stranicu. Vratite se na stranicu sa obrascem ili počnite ponovo od početne stranice.
error-too-large-title = Datoteka je prevelika
error-too-large-body = Obrazac je poslao previše odjednom. Svaka datoteka može da ima najviše 5 MB, a obrazac najviše 100 polja i datoteka. Vratite se i pokušajte ponovo.
error-throttled-title = Previše pokušaja
error-throttled-body = Sačekajte malo i pokušajte ponovo.
error-internal-title = Izvinite, došlo je do problema sa uslugom
error-internal-body = Pokušajte ponovo kasnije. Ono što ste uneli nije izgubljeno ako je bilo sačuvano.
error-unauthenticated-body = Prvo se prijavite.
error-conflict-body = Ovo je u međuvremenu promenjeno ili radnja više nije moguća. Ponovo učitajte stranicu i pokušajte ponovo.
error-not-draft-body = Ovaj zahtev je podnet i više se ne može menjati. Izmena nije sačuvana.
error-invalid-json = Telo zahteva nije ispravan JSON očekivanog oblika.

## Greške u poljima
error-required = Ovo polje je obavezno.
error-too-long = Unesite najviše { $max ->
        [one] { $max } znak
        [few] { $max } znaka
       *[other] { $max } znakova
    }.
error-name-invalid-characters = Koristite samo slova, razmake, crtice i apostrofe.
error-date-invalid = Unesite postojeći datum, na primer 2024-03-27.
error-date-of-birth-in-future = Datum rođenja mora biti u prošlosti.
error-choose-one = Izaberite jednu od ponuđenih opcija.
error-citizenship-serbian = Ovaj portal je namenjen stranim državljanima. Državljani Srbije koriste portal eUprava.
error-unknown-country = Izaberite državu sa liste.
error-ebs-required = Unesite evidencijski broj stranca ili izaberite odgovor „Ne“ ili „Ne sećam se“.
error-identifier-empty = Unesite broj.
error-wrong-length = Broj mora imati { $expected } cifara; uneli ste { $found }.
error-not-digits = Koristite samo cifre.
error-invalid-date = Broj ne sadrži ispravan datum rođenja. Proverite ga.
error-invalid-check-digit = Broj nije ispravan: poslednja cifra se ne slaže. Proverite da li ste pogrešno otkucali neku cifru.
error-ebs-wrong-register = Ovo nije evidencijski broj stranca (posle datuma rođenja mora da sadrži 06 ili 66).
error-invalid-format = Format nije ispravan.
error-reference-wrong-model = Ovde je prihvaćen samo model plaćanja 97.
error-reference-too-long = Poziv na broj može imati najviše { $max } cifara.
error-document-number-invalid = Unesite broj dokumenta kako je odštampan: od 5 do 20 slova i cifara.
error-document-expired = Dokumentu je istekao rok važenja. Registrujte se sa važećim dokumentom.
error-email-empty = Unesite adresu e-pošte.
error-email-invalid = Unesite adresu e-pošte u ispravnom obliku, na primer name@example.com.
error-email-too-long = Adresa e-pošte je predugačka.
error-email-taken = Ovu adresu e-pošte već koristi drugi nalog.
error-email-same = Ovo je već Vaša adresa e-pošte.
error-password-too-short = Lozinka mora da ima najmanje { $min ->
        [one] { $min } znak
        [few] { $min } znaka
       *[other] { $min } znakova
    }. Nekoliko nepovezanih reči čini jaku lozinku.
error-password-too-long = Lozinka može da ima najviše { $max ->
        [one] { $max } znak
        [few] { $max } znaka
       *[other] { $max } znakova
    }.
error-password-common = Ova lozinka je previše česta i lako se pogađa. Izaberite drugu.
error-password-contains-personal-data = Lozinka ne sme da sadrži Vaše ime ili adresu e-pošte.
error-password-repetitive = Lozinka ne sme da bude jedan znak koji se ponavlja ili jednostavan niz.
error-phone-invalid = Unesite broj telefona od 6 do 20 cifara, na primer +381 64 123 4567.
error-consent-required = Da biste napravili nalog, morate da prihvatite uslove korišćenja.
error-documents-required = Priložite identifikacioni dokument (jednu ili dve datoteke).
error-file-empty = Datoteka { $name } je prazna.
error-file-too-large = Datoteka { $name } je veća od { $mb } MB.
error-file-wrong-type = Datoteka { $name } nije u formatu PDF, JPEG ili PNG.
error-file-bad-image = Slika { $name } ne može da se pročita ili ima previše piksela.
error-file-duplicate-name = Datoteka sa imenom { $name } je već priložena. Preimenujte jednu od njih.
error-file-too-many = Možete da priložite najviše { $max ->
        [one] { $max } datoteku
        [few] { $max } datoteke
       *[other] { $max } datoteka
    }; datoteka { $name } nije dodata.
error-form-expired = Obrazac je istekao iz bezbednosnih razloga. Proverite svoje odgovore i pošaljite ga ponovo.
error-current-password-wrong = Trenutna lozinka nije tačna.
error-note-required-for-other = Objasnite razlog u napomeni.
error-login-invalid = Adresa e-pošte ili lozinka nije tačna.
error-login-throttled = Previše neuspešnih pokušaja. Pokušajte ponovo za { $seconds ->
        [one] { $seconds } sekundu
        [few] { $seconds } sekunde
       *[other] { $seconds } sekundi
    }.
error-login-locked = Vaša lozinka je zaključana posle previše neuspešnih pokušaja. Postavite novu preko opcije „Zaboravili ste lozinku?“.
error-login-unconfirmed = Prvo potvrdite adresu e-pošte: otvorite link koji smo Vam poslali. Možete da zatražite novi link.

## Nazivi polja i napomene
field-given-names = Ime (imena)
field-surname = Prezime
field-date-of-birth = Datum rođenja
field-sex = Pol
field-citizenship = Državljanstvo
field-has-ebs = Da li imate evidencijski broj stranca?
field-ebs = Evidencijski broj stranca
field-id-doc-type = Identifikacioni dokument
field-id-doc-number = Broj dokumenta
field-id-doc-expiry = Važi do
field-documents = Skenirani dokument ili fotografija dokumenta
field-email = Adresa e-pošte
field-password = Lozinka
field-phone = Broj telefona
field-consent = Prihvatam uslove korišćenja i obradu mojih podataka o ličnosti za ovu uslugu
field-current-password = Trenutna lozinka
field-new-password = Nova lozinka
field-new-email = Nova adresa e-pošte
field-language = Jezik stranica i poruka e-pošte
field-reason = Razlog
field-note = Napomena za podnosioca
hint-date-of-birth = Kao u Vašem dokumentu, na primer 27. april 1990. Izaberite ga u kalendaru ili upišite dan, mesec i godinu.
hint-ebs = 13 cifara. Dobili ste ga kada ste prijavili boravak u Srbiji duži od 90 dana; upisan je u Vaš pasoš. Obavezno ako ste odgovorili „Da“.
hint-id-doc-number = Kako je odštampan u dokumentu.
hint-id-doc-expiry = Na primer 31. decembar 2030. Izaberite ga u kalendaru ili upišite dan, mesec i godinu.
hint-documents = PDF, JPEG ili PNG, najviše 5 MB po datoteci, jedna ili dve datoteke. Za ličnu kartu priložite obe strane. Ako je u Vaš pasoš upisan evidencijski broj stranca, priložite i tu stranu.
hint-email = Ovo će biti Vaše korisničko ime. Poslaćemo Vam link da potvrdite adresu.
hint-password = Najmanje 15 znakova. Nekoliko nepovezanih reči lako se pamti, a teško pogađa. Lozinku možete da nalepite.
hint-new-password = Najmanje 15 znakova. Ne sme da bude česta lozinka niti da sadrži Vaše ime.
hint-phone = Na primer +381 64 123 4567.
hint-note = Podnosilac vidi ovu napomenu.
sex-female = Ženski
sex-male = Muški
has-ebs-yes = Da
has-ebs-no = Ne
has-ebs-forgotten = Ne sećam se
id-doc-type-passport = Pasoš
id-doc-type-foreigner-id = Lična karta za stranca

## Registracija
register-title = Napravite nalog
register-intro = Unesite podatke kao u Vašem identifikacionom dokumentu. Sva polja su obavezna, osim onih označenih kao neobavezna.
register-intro-documents = Ovlašćeno lice proverava Vaš dokument u roku od 24 sata od potvrde adrese e-pošte.
register-submit = Napravite nalog
register-have-account = Već imam nalog
register-section-personal = Lični podaci
register-section-ebs = Evidencijski broj stranca
register-section-document = Identifikacioni dokument
register-section-account = Podaci za prijavu
register-sent-title = Proverite e-poštu
register-sent-body = Ako adresa može da se registruje, poslali smo link za njenu potvrdu. Link važi 24 sata.
register-sent-spam = Poruka može da stigne u fasciklu za neželjenu poštu (Spam).
register-sent-next = Kada potvrdite adresu, ovlašćeno lice proverava Vaš dokument u roku od 24 sata. Obavestićemo Vas e-poštom kada Vaš nalog bude aktivan.
resend-link = Pošaljite ponovo link za potvrdu
confirm-title = Potvrdite adresu e-pošte
confirm-body = Pritisnite dugme da biste potvrdili adresu e-pošte.
confirm-button = Potvrdite
link-invalid-title = Ovaj link nije važeći
link-invalid-body = Link je istekao ili je već iskorišćen. Svaki link može da se iskoristi samo jednom: link za potvrdu važi 24 sata, a link za lozinku 1 sat.
link-invalid-retry = Zatražite novi link
confirmed-title = Vaša adresa e-pošte je potvrđena
confirmed-body = Vaš nalog sada čeka proveru. Ovlašćeno lice proverava Vaš dokument u roku od 24 sata.
confirmed-next = Obavestićemo Vas e-poštom kada Vaš nalog bude aktivan. Već sada možete da se prijavite i vidite njegov status.
resend-title = Pošaljite ponovo link za potvrdu
resend-intro = Unesite adresu e-pošte sa kojom ste se registrovali.
resend-submit = Pošaljite
resend-done-title = Proverite e-poštu
resend-done-body = Ako nalog sa ovom adresom čeka potvrdu, poslali smo novi link. Raniji linkovi više ne važe.

## Prijava
login-choose-title = Izaberite način prijave
login-choose-intro = Možete da se prijavite na tri načina.
login-method-password = Prijava adresom e-pošte i lozinkom
login-method-mobile = Prijava mobilnim telefonom (dvofaktorska autentifikacija)
login-method-certificate = Prijava kvalifikovanim elektronskim sertifikatom
login-mobile-title = Prijava mobilnim telefonom
login-certificate-title = Prijava kvalifikovanim elektronskim sertifikatom
login-not-available-yet = Ovaj način prijave još nije dostupan na portalu eForeigner. Prijavite se adresom e-pošte i lozinkom.
login-mobile-body = Kada bude dostupan, unećete korisničko ime i potvrditi prijavu u mobilnoj aplikaciji za odobravanje.
login-certificate-body = Kada bude dostupan, prijavićete se kvalifikovanim elektronskim sertifikatom izdatim u Srbiji (MUP, Pošta, PKS, Halcom, E-Smart).
login-title = Prijava
login-submit = Prijavite se
login-forgot = Zaboravili ste lozinku?
login-session-expired = Vaša sesija je istekla. Prijavite se ponovo da biste nastavili gde ste stali.
logout-title = Odjavljeni ste
logout-body = Hvala što koristite eForeigner.

## Oporavak lozinke
forgot-title = Oporavak lozinke
forgot-intro = Unesite adresu e-pošte kojom se prijavljujete. Poslaćemo Vam link za postavljanje nove lozinke.
forgot-submit = Pošaljite
forgot-exit = Nazad na prijavu
forgot-sent-title = Proverite e-poštu
forgot-sent-body = Ako postoji nalog sa ovom adresom, poslali smo link za postavljanje nove lozinke. Link važi 1 sat i može da se iskoristi samo jednom.
reset-title = Postavite novu lozinku
reset-intro = Izaberite novu lozinku. Bićete odjavljeni sa svih drugih uređaja.
reset-submit = Postavite lozinku
reset-done-title = Vaša lozinka je promenjena
reset-done-body = Odjavljeni ste sa svih uređaja. Prijavite se novom lozinkom.

## Nalog
account-title = Vaš nalog
account-status-heading = Status
account-correct-link = Ispravite svoje podatke
account-details-heading = Vaši podaci
account-documents-heading = Vaši identifikacioni dokumenti
account-manage-heading = Upravljanje nalogom
account-link-details = Promenite broj telefona ili jezik
account-link-password = Promenite lozinku
account-link-email = Promenite adresu e-pošte
account-link-sessions = Aktivne sesije i nedavne prijave
status-pending-email = Čeka se potvrda adrese e-pošte
status-pending-email-body = Otvorite link koji smo poslali na Vašu adresu e-pošte.
status-awaiting-verification = Čeka proveru
status-awaiting-verification-body = Ovlašćeno lice proverava Vaš identifikacioni dokument u roku od 24 sata. Obavestićemo Vas e-poštom kada Vaš nalog bude aktivan. Do tada usluge nisu dostupne.
status-active = Aktivan
status-active-body = Vaš nalog je proveren. Možete da koristite usluge.
status-rejected = Potrebna je ispravka
status-rejected-body = Ovlašćeno lice nije moglo da proveri Vaš nalog. Ispravite svoje podatke ili priložite novi dokument; ne morate ponovo da se registrujete.
rejection-reason-label = Razlog
rejection-note-label = Napomena ovlašćenog lica
rejection-reason-unreadable-document = Dokument nije čitljiv
rejection-reason-data-mismatch = Podaci se ne slažu sa dokumentom
rejection-reason-expired-document = Dokumentu je istekao rok važenja
rejection-reason-missing-page = Nedostaje strana dokumenta
rejection-reason-wrong-document = Datoteka nije identifikacioni dokument
rejection-reason-other = Drugi razlog
notice-details-saved = Vaši podaci su sačuvani.
notice-password-changed = Vaša lozinka je promenjena. Ostale sesije su prekinute.
notice-email-change-sent = Poslali smo link na novu adresu. Promena stupa na snagu kada otvorite link.
notice-session-ended = Sesija je prekinuta.
details-title = Promenite broj telefona ili jezik
details-intro = Vaše ime, datum rođenja, državljanstvo i dokument proverilo je ovlašćeno lice i ovde ne mogu da se menjaju.
password-change-title = Promenite lozinku
password-change-intro = Ovde ćete ostati prijavljeni; sve ostale sesije biće prekinute.
password-change-submit = Promenite lozinku
email-change-title = Promenite adresu e-pošte
email-change-intro = Poslaćemo link na novu adresu. Vaša adresa se menja kada otvorite link.
email-change-submit = Pošaljite link
email-confirm-title = Potvrdite novu adresu e-pošte
email-confirm-body = Pritisnite dugme da biste ovu adresu koristili za svoj nalog.
email-changed-title = Vaša adresa e-pošte je promenjena
email-changed-body = Od sada se prijavljujte novom adresom.
email-taken-title = Ova adresa se već koristi
email-taken-body = Drugi nalog koristi ovu adresu e-pošte, pa promena nije moguća.
sessions-title = Aktivne sesije i nedavne prijave
sessions-active-heading = Aktivne sesije
sessions-col-started = Prijava
sessions-col-last = Poslednja aktivnost
sessions-col-from = Sa adrese
sessions-col-browser = Pregledač
sessions-col-action = Radnja
sessions-this-one = Ova sesija
sessions-end = Prekinite sesiju
sessions-signins-heading = Nedavni pokušaji prijave
sessions-col-when = Vreme
sessions-col-result = Ishod
sign-in-succeeded = Uspešno
sign-in-failed = Neuspešno
correct-title = Ispravite svoje podatke
correct-intro = Ispravite ono na šta je ukazalo ovlašćeno lice. Kada pošaljete obrazac, Vaš nalog se vraća na proveru.
correct-intro-documents = Nove datoteke priložite samo ako dokument treba zameniti; u suprotnom ostaju ranije priložene datoteke.
correct-submit = Pošaljite na proveru
services-title = Usluge
services-intro = Vaš nalog je aktivan.

## Ovlašćena lica za proveru
queue-title = Nalozi koji čekaju proveru
queue-intro = Najstariji su prvi. Naloge treba proveriti u roku od 24 sata od potvrde adrese e-pošte.
queue-empty = Nema naloga koji čekaju.
queue-count = { $n ->
    [one] { $n } nalog čeka
    [few] { $n } naloga čekaju
   *[other] { $n } naloga čeka
}
queue-col-name = Ime i prezime
queue-col-citizenship = Državljanstvo
queue-col-waiting = Čeka
queue-col-state = Rok
queue-overdue = Rok je prošao
queue-on-time = U roku od 24 sata
queue-waiting-hours = { $n ->
    [one] { $n } sat
    [few] { $n } sata
   *[other] { $n } sati
}
queue-waiting-minutes = { $n ->
    [one] { $n } minut
    [few] { $n } minuta
   *[other] { $n } minuta
}
case-title = Provera naloga
case-back = Nazad na red za proveru
case-data-heading = Uneti podaci
case-documents-heading = Priloženi dokumenti
case-document-alt = Priloženi dokument
case-open-document = Otvorite
case-decision-heading = Odluka
case-approve = Odobrite i aktivirajte nalog
case-reject = Odbijte
case-already-decided = O ovom nalogu je već odlučeno.

## Poštansko sanduče za razvoj
devmail-title = Poštansko sanduče za razvoj
devmail-intro = Kada nema SMTP servera, poruke e-pošte čuvaju se ovde (samo u demo režimu).
devmail-to = Prima:

## Poruke e-pošte
mail-footer = eForeigner – portal elektronske uprave za strane državljane. Ova poruka je poslata automatski; molimo Vas da na nju ne odgovarate.
mail-confirm-email-subject = Potvrdite adresu e-pošte
mail-confirm-email-body = Dobar dan, { $name },

    hvala što ste se registrovali na portalu eForeigner. Otvorite ovaj link da biste potvrdili adresu e-pošte (važi 24 sata):

    { $link }

    Nakon toga ovlašćeno lice proverava Vaš identifikacioni dokument u roku od 24 sata.
    Ako se niste registrovali, zanemarite ovu poruku.
mail-already-registered-subject = Neko je pokušao da se registruje sa Vašom adresom
mail-already-registered-body = Neko je pokušao da napravi nalog na portalu eForeigner sa ovom adresom e-pošte, a za nju nalog već postoji.

    Ako ste to bili Vi i zaboravili ste lozinku, ovde postavite novu:

    { $link }

    Ako to niste bili Vi, ne morate ništa da preduzimate.
mail-account-locked-subject = Vaša lozinka je zaključana
mail-account-locked-body = Posle previše neuspešnih pokušaja prijave, lozinka Vašeg naloga na portalu eForeigner je zaključana.

    Postavite novu lozinku da biste otključali nalog:

    { $link }
mail-reset-password-subject = Postavite novu lozinku
mail-reset-password-body = Neko je zatražio postavljanje nove lozinke za Vaš nalog na portalu eForeigner. Otvorite ovaj link u roku od sat vremena:

    { $link }

    Ako to niste bili Vi, zanemarite ovu poruku; Vaša lozinka ostaje ista.
mail-password-changed-subject = Vaša lozinka je promenjena
mail-password-changed-body = Lozinka Vašeg naloga na portalu eForeigner upravo je promenjena, a ostale sesije su prekinute.

    Ako to niste uradili Vi, odmah postavite novu lozinku preko opcije „Zaboravili ste lozinku?“.
mail-confirm-new-email-subject = Potvrdite novu adresu e-pošte
mail-confirm-new-email-body = Otvorite ovaj link da biste ovu adresu koristili za svoj nalog na portalu eForeigner (važi 24 sata):

    { $link }
mail-email-change-requested-subject = Menja se Vaša adresa e-pošte
mail-email-change-requested-body = Neko je zatražio promenu adrese e-pošte Vašeg naloga na portalu eForeigner. Adresa se menja tek kada se otvori link poslat na novu adresu.

    Ako to niste bili Vi, odmah promenite lozinku.
mail-email-changed-subject = Vaša adresa e-pošte je promenjena
mail-email-changed-body = Adresa e-pošte Vašeg naloga na portalu eForeigner je promenjena. Od sada poruke stižu na novu adresu.

    Ako to niste uradili Vi, odmah se obratite podršci.
mail-account-activated-subject = Vaš nalog je aktivan
mail-account-activated-body = Dobar dan, { $name },

    ovlašćeno lice je proverilo Vaš dokument. Vaš nalog na portalu eForeigner sada je aktivan i možete da koristite usluge:

    { $link }
mail-account-rejected-subject = Vaš nalog treba ispraviti
mail-account-rejected-body = Ovlašćeno lice nije moglo da proveri Vaš nalog na portalu eForeigner.

    Razlog: { $reason }
    Napomena: { $note }

    Prijavite se da biste ispravili svoje podatke ili priložili novi dokument; ne morate ponovo da se registrujete:

    { $link }
error-municipality-invalid = Unesite trocifreni kod opštine u Srbiji.
nav-residence = Vodiči za boravak
home-tools-title = Pre nego što podnesete zahtev
home-tools-body = Proverite, bez naloga, da li možete da podnesete zahtev elektronski, koja dokumenta su Vam potrebna i koliko košta:

## Lists shown a page at a time
pagination-label = Stranice
pagination-previous = Prethodna stranica
pagination-next = Sledeća stranica
pagination-page = Stranica { $n }
pagination-empty = Na ovoj stranici nema ničega.
pagination-first = Idite na prvu stranicu
error-too-many-requests = Previše zahteva sa Vaše veze. Pokušajte ponovo za { $seconds ->
        [one] { $seconds } sekundu
        [few] { $seconds } sekunde
       *[other] { $seconds } sekundi
    }.
register-sent-to = Link smo poslali na { $email }. Ako ova adresa nije tačna, registrujte se ponovo sa ispravnom.
error-required-named = Popunite polje „{ $label }“.
error-choose-one-named = Izaberite odgovor za „{ $label }“.
error-required-given-names = Unesite svoje ime.
error-required-surname = Unesite svoje prezime.
error-required-date-of-birth = Unesite datum rođenja.
error-choose-one-sex = Izaberite pol.
error-required-citizenship = Izaberite državljanstvo.
error-choose-one-has-ebs = Izaberite da li imate evidencijski broj stranca.
error-choose-one-id-doc-type = Izaberite vrstu dokumenta.
error-required-id-doc-number = Unesite broj dokumenta.
error-required-id-doc-expiry = Unesite datum isteka dokumenta.
error-required-email = Unesite adresu e-pošte.
error-required-password = Unesite lozinku.
error-required-current-password = Unesite trenutnu lozinku.
error-required-new-password = Unesite novu lozinku.
error-required-new-email = Unesite novu adresu e-pošte.
error-required-note = Upišite napomenu.
notice-corrected = Ispravljeni podaci i dokumenti su poslati. Službenik će ih proveriti u roku od 24 sata.
notice-account-approved = Nalog je odobren. Vlasnik je obavešten e-poštom.
notice-account-rejected = Nalog je odbijen uz navedeni razlog. Vlasnik je obavešten e-poštom i može da ispravi podatke.
terms-title = Uslovi korišćenja i vaši lični podaci
register-read-terms = Pročitajte uslove korišćenja i kako se koriste vaši lični podaci
terms-who = Ovaj portal radi za organe javne vlasti koji odlučuju o boravku stranaca u Srbiji. Za vaše podatke odgovoran je organ koji vodi ovu instancu portala; njegov naziv i adresu za kontakt daje operater ovog sajta.
terms-what = Ono što unesete i otpremite koristimo samo za usluge koje tražite: za proveru identiteta, odlučivanje o vašim zahtevima, dostavu službenih dokumenata u vaše e-Sanduče i za poruke vama. Službenici vide vaše podatke samo radi svog posla, a svako otvaranje predmeta se beleži.
terms-kept = Datoteke nedovršenog obrasca za registraciju brišu se posle jednog dana, a nacrti zahteva 30 dana posle poslednje izmene (nedelju dana ranije šaljemo vam e-poruku). Podneti zahtevi, njihovi dokumenti i vaše e-Sanduče čuvaju se onoliko koliko propisi o evidencijama nalažu.
terms-cookies = Portal postavlja samo kolačiće neophodne za rad: vašu sesiju, bezbednosni token za obrasce i jezik koji ste izabrali. Nema reklama ni praćenja.
terms-security = Čuvajte svoju lozinku. Ako mislite da je neko drugi koristio vaš nalog, promenite lozinku: sve ostale sesije se odmah završavaju. Na stranici naloga vidite svoje sesije i skorašnje prijave.
terms-rights = Imate pravo da vidite podatke koji se o vama čuvaju, da zatražite ispravku netačnih podataka i da se žalite Povereniku za informacije od javnog značaja i zaštitu podataka o ličnosti Republike Srbije.
error-method-api = Ova adresa ne prihvata ovaj metod. Šta prihvata, piše u /api/openapi.json.
error-cross-site-api = Zahtev koji nešto menja mora da dođe sa stranica ovog sajta ili iz API klijenta, a ne sa drugog sajta.
error-json-expected = Telo zahteva mora da bude JSON (Content-Type: application/json).
