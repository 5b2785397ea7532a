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
