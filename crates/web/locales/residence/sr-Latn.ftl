## Razlozi koje navode pravila o boravku (po jedan za svaku šifru pravila)
residence-unknown-basis = „{ $basis }“ nije osnov privremenog boravka iz kataloga.
residence-unknown-citizenship = Izaberite državu sa liste.
residence-date-of-birth-invalid = Datum rođenja { $date_of_birth } mora biti pre datuma podnošenja { $submission_date }.
residence-d-visa-required = Državljanima ove države potrebna je viza za duži boravak (viza D) pre nego što podnesu zahtev za privremeni boravak.
residence-d-visa-basis-mismatch = Vaša viza D izdata je po osnovu { $d_visa_basis }, a imalac vize D može da podnese zahtev samo po osnovu po kome je viza izdata: izaberite razlog u okviru osnova { $d_visa_basis } (izabrali ste { $basis }).
residence-d-visa-basis-not-given = Sa vizom D zahtev možete da podnesete samo po osnovu po kome je viza izdata. Navedite taj osnov za tačan odgovor.
residence-single-permit-online-only = Po ovom razlogu izdaje se jedinstvena dozvola (za privremeni boravak i rad), a zahtev za nju može da se podnese samo elektronski.
residence-minor-in-person-only = Zahtev za maloletno lice (mlađe od { $threshold } godina) podnose zakonski zastupnici, isključivo lično. Elektronski zahtev može da se podnese od { $adult_on }.
residence-beli-karton-required = Za prvi zahtev potreban Vam je „beli karton“ (prijava boravka na Vašoj adresi u Srbiji) za adresu koju navodite u zahtevu, a novi pri svakom ulasku u Srbiju, sve do donošenja odluke.
residence-current-permit-required = Za produženje unesite datum isteka Vaše trenutne dozvole.
residence-extension-too-early = Zahtev za produženje može da se podnese od { $earliest_submission } (3 meseca pre isteka Vaše dozvole) do { $latest_submission }.
residence-extension-too-late = Vaša dozvola je istekla { $latest_submission }, pa više ne može da se produži. Umesto toga podnesite prvi zahtev.
residence-extension-counts-when-paid = Vaša sadašnja dozvola ističe { $latest_submission }. Elektronski zahtev smatra se podnetim poslednjeg od dva dana: dana kada pritisnete Podnesi i dana kada je uplata takse potvrđena (datum na Potvrdi o prijemu zahteva). Taj dan mora biti između { $earliest_submission } i { $latest_submission }, pa platite dosta pre poslednjeg dana: uplata nalogom potvrđuje se tek kada izvod banke stigne na portal.
residence-period-limited-by-basis = Po ovom osnovu dozvola se izdaje na najviše { $max_months } meseci.
residence-basis-end-not-given = Dozvola ne može da traje duže od ugovora ili studija. Navedite datum njihovog završetka da biste dobili tačan odgovor.
residence-basis-ended-before-start = Ugovor ili studije se završavaju { $basis_valid_until }, pre nego što bi dozvola počela da važi ({ $valid_from }).
residence-period-limited-by-basis-end = Dozvola ne može da traje duže od završetka ugovora ili studija ({ $basis_valid_until }).
residence-requested-until-before-start = Traženi datum isteka { $requested_until } je pre početka važenja dozvole ({ $valid_from }).
residence-requested-period-too-long = Traženi datum isteka { $requested_until } je kasniji od najkasnijeg mogućeg ({ $latest_until }).
residence-passport-validity-too-short = Vaš pasoš mora da važi najmanje do { $required_valid_until } ({ $margin_months } meseca posle isteka dozvole); on važi do { $passport_valid_until }.
residence-period-shortened-by-passport = Pošto Vaš pasoš važi do { $passport_valid_until }, dozvola može da traje samo do { $valid_until }.
residence-trip-return-before-departure = Putovanje { $trip }: povratak ({ $returned }) je pre odlaska ({ $departed }). Proverite oba datuma.
residence-trip-return-after-application = Putovanje { $trip }: povratak ({ $returned }) je posle datuma podnošenja zahteva ({ $application_date }). Računaju se samo 3 godine pre zahteva: unesite povratak najkasnije tog dana ili kasniji datum zahteva.
residence-total-absence-exceeds-limit = U 3 godine pre podnošenja zahteva ukupno ste bili odsutni { $total_months ->
    [one] { $total_months } mesec
    [few] { $total_months } meseca
   *[other] { $total_months } meseci
} i { $total_days ->
    [one] { $total_days } dan
   *[other] { $total_days } dana
} ({ $total_days_absent } dana odsustva); dozvoljeno je najviše { $limit_months } meseci.
residence-single-absence-exceeds-limit = Odsustvo od { $first_day } do { $last_day } trajalo je { $months ->
    [one] { $months } mesec
    [few] { $months } meseca
   *[other] { $months } meseci
} i { $days ->
    [one] { $days } dan
   *[other] { $days } dana
} ({ $days_absent } dana odsustva); jedno odsustvo može da traje najviše { $limit_months } meseci. Da ste se vratili najkasnije { $latest_return }, ostalo bi u granici.
residence-fee-tariff-missing = Nije poznata tarifa taksi koja važi na dan { $on }.
residence-fee-amount-unverified = Ovi iznosi potiču iz javno dostupnih vodiča i možda su se promenili. Proverite ih u policijskoj upravi pre nego što platite.

## Javne stranice sa uputstvima o privremenom boravku
residence-index-title = Privremeni boravak: vodiči i alati
residence-index-lead = Proverite pre podnošenja zahteva: da li možete da ga podnesete elektronski, koja dokumenta su Vam potrebna, koliko košta i da li Vam odsustva iz Srbije omogućavaju da kasnije dobijete stalno nastanjenje. Nalog nije potreban.
residence-check-title = Da li mogu da podnesem zahtev elektronski?
residence-check-teaser = Odgovorite na nekoliko pitanja i saznajte da li, kako i za koji period možete da podnesete zahtev.
residence-bases-title = Osnovi privremenog boravka
residence-bases-teaser = Svi osnovi i bliži razlozi, dozvola koja se po njima izdaje i dokumenta koja treba priložiti.
residence-absences-title = Kalkulator odsustva za stalno nastanjenje
residence-absences-teaser = Unesite svoja putovanja u inostranstvo i proverite da li su u okviru dozvoljenih granica.
residence-fees-title = Takse i nalog za uplatu
residence-fees-teaser = Pogledajte iznose taksi i odštampajte nalog za uplatu sa QR kodom koji može da skenira aplikacija Vaše banke.
residence-bases-lead = Zahtev za privremeni boravak podnosi se po jednom osnovu i bližem razlogu. Od njih zavisi da li ćete dobiti jedinstvenu dozvolu (za privremeni boravak i rad) ili dozvolu za privremeni boravak, kao i da li zahtev možete da podnesete samo elektronski.
residence-bases-source = Izvori: zvanični spisak Ministarstva unutrašnjih poslova (Privremeni boravak — Portal za strane državljane, poslednje ažuriranje 16.12.2024) za osnove i privatni vodič za dokumenta. Gde nijedan ne navodi dokument za neki osnov, spisak to kaže: „Kako ovaj portal primenjuje pravilo“.
bases-permit = Dozvola
bases-channels = Način podnošenja
bases-right-to-work = Pravo na rad
bases-max-validity = Najduže važenje
bases-months = { $n ->
    [one] { $n } mesec
    [few] { $n } meseca
   *[other] { $n } meseci
}
bases-limited-by-end = (ne duže od završetka ugovora ili studija)
bases-documents = Dokumenta koja treba priložiti
bases-extension-documents = Dokumenta koja se prilažu uz zahtev za produženje
bases-documents-note = Dokumenta označena sa „Kako ovaj portal primenjuje pravilo“ izvori ne navode za taj osnov: ona pokazuju na čemu osnov počiva (ugovor, upis, rešenje). Policijska uprava može da zatraži i druga.
permit-single_permit = Jedinstvena dozvola (za privremeni boravak i rad)
permit-temporary_residence = Dozvola za privremeni boravak
channels-online_only = Samo elektronski
channels-online_or_in_person = Elektronski ili lično u policijskoj upravi
right-to-work-per_single_permit = Da, kako je navedeno u jedinstvenoj dozvoli
right-to-work-according_to_basis = U skladu sa osnovom; na kartici je navedeno da li imate pravo na rad
condition-not_when_applying_from_abroad = osim ako zahtev podnosite iz inostranstva
condition-on_inspector_request = samo ako to inspektor zatraži
condition-married_spouses = za bračne supružnike
condition-extramarital_union = za partnere u vanbračnoj zajednici
condition-reunification_with_child = za spajanje porodice sa detetom
condition-other_kinship = za roditelja ili drugog srodnika
residence-check-lead = Odgovor se zasniva na pravilima Ministarstva unutrašnjih poslova. To je uputstvo, a ne odluka.
check-kind-first = Prvi zahtev
check-kind-extension = Produženje moje dozvole
check-channel-online = Elektronski, na ovom portalu
check-channel-in-person = Lično, u policijskoj upravi
check-submit = Proverite
check-answer-yes-online = Da, možete da podnesete zahtev elektronski.
check-answer-yes-in-person = Možete da podnesete zahtev, ali samo lično.
check-answer-no = Ne na način koji ste naveli. Razloge pogledajte u nastavku.
check-valid-from = Dozvola važi od
check-valid-until = Dozvola važi do (najduže)
check-earliest = Podnesite najranije
check-latest = Podnesite najkasnije
check-blockers = Šta sprečava ovaj zahtev
check-good-to-know = Dobro je da znate
check-documents = Dokumenta koja treba pripremiti
source = Izvor
answer-yes = Da
answer-no = Ne
field-kind = Za šta podnosite zahtev?
field-basis = Osnov i bliži razlog
field-channel = Kako želite da podnesete zahtev?
field-submission-date = Datum podnošenja
field-passport-valid-until = Pasoš važi do
field-current-permit-valid-until = Trenutna dozvola važi do
field-basis-valid-until = Ugovor ili studije se završavaju
field-requested-until = Dozvola je potrebna do
field-has-d-visa = Da li imate vizu za duži boravak (vizu D)?
field-d-visa-basis = Ako imate vizu D: osnov po kome je izdata
hint-d-visa-basis = Imalac vize D podnosi zahtev za privremeni boravak samo po osnovu po kome je viza izdata.
field-applying-from-abroad = Da li zahtev podnosite iz inostranstva?
hint-current-permit-valid-until = Samo za produženje.
hint-basis-valid-until = Za ugovor na određeno vreme ili studije.
hint-requested-until = Ostavite prazno za najduži mogući period.
residence-absences-lead = Za stalno nastanjenje, u 3 godine pre podnošenja zahteva možete biti odsutni iz Srbije najviše 10 meseci ukupno i najviše 6 meseci neprekidno.
absences-how-title = Kako se računa odsustvo
absences-how-window = Računaju se 3 godine pre datuma podnošenja zahteva. Dan odlaska i dan povratka računaju se kao dani u Srbiji: dani između njih su Vaše odsustvo. Putovanje koje je počelo pre te 3 godine računa se od njihovog prvog dana; putovanja koja se preklapaju računaju se jednom.
absences-how-months = Svako odsustvo meri se kalendarskim mesecima, kako zakon u Srbiji računa rok određen u mesecima: ističe onog dana u mesecu koji po broju odgovara danu odlaska, a ako takvog dana u mesecu nema, poslednjeg dana meseca. Ako otputujete 15. januara, 6 meseci odsustva ističe 15. jula: vratite se najkasnije 16. jula da biste ostali u granici od 6 meseci. Ako otputujete 31. avgusta, ističe 28. februara (29. u prestupnoj godini).
absences-how-total = Za ukupno odsustvo sabiraju se celi meseci svakog odsustva, a preostali dani svih odsustava računaju se po 30 za mesec. Tačno 6 ili 10 meseci je još u granici; dan više je preko nje. Ovo je pomoć, a ne odluka.
absences-how-source = Granice potiču iz privatnog vodiča (Elektronski zahtev za dozvolu boravka u Srbiji: potpuni vodič, „Ograničenja odsustva i načini podnošenja“). Da se meseci računaju kao zakonski rokovi, način je na koji ih ovaj portal primenjuje.
field-application-date = Datum podnošenja zahteva za stalno nastanjenje
absences-trips = Putovanja u inostranstvo
absences-trip = Putovanje { $n }
absences-departed = Datum odlaska iz Srbije
absences-returned = Datum povratka u Srbiju
absences-add-trip = Dodajte još jedno putovanje
absences-submit = Izračunajte
absences-within = Vaša odsustva su u okviru dozvoljenih granica.
absences-over = Vaša odsustva prelaze dozvoljene granice.
absences-window = Period koji se računa
absences-total = Ukupno odsustvo
absences-total-limit = najviše 10 meseci
absences-longest-limit = najviše 6 meseci
absences-months-days = { $months ->
    [one] { $months } mesec
    [few] { $months } meseca
   *[other] { $months } meseci
} i { $days ->
    [one] { $days } dan
   *[other] { $days } dana
}
absences-list = Vaša odsustva
absences-col-days-abroad = Dani u inostranstvu
absences-col-length = Trajanje
absences-col-days = Dana
absences-longest = Najduže odsustvo
absences-days = { $n ->
    [one] { $n } dan
    [few] { $n } dana
   *[other] { $n } dana
}
residence-fees-lead = Takse se plaćaju uz zahtev, u poslednjem koraku elektronskog podnošenja, kao i nakon poziva na biometriju. Iznosi potiču iz javno dostupnih izvora i možda su se promenili; proverite ih pre nego što platite.
field-municipality = Opština u kojoj boravite
hint-municipality = Njen kod postaje deo poziva na broj (na primer 016).
field-payer = Ime i adresa uplatioca
fees-submit = Prikažite takse i nalog za uplatu
fees-list-title = Takse
fees-col-fee = Taksa
fees-col-when = Kada se plaća
fees-col-amount = Iznos
fees-col-payee = Primalac
fees-stage-submission = Uz zahtev
fees-stage-biometrics = Nakon poziva na biometriju
fees-reference = poziv na broj
fees-payee-unknown = Navodi se u pozivu
fees-total-submission = Ukupno za uplatu uz zahtev
slip-heading = Nalog za uplatu taksi koje se plaćaju uz zahtev
slip-title = NALOG ZA UPLATU
slip-payer = Uplatilac
slip-purpose = Svrha uplate
slip-payee = Primalac
slip-payment-code = Šifra plaćanja
slip-currency = Valuta
slip-amount = Iznos
slip-account = Račun primaoca
slip-model-reference = Model i poziv na broj
slip-scan = Skenirajte QR kod mobilnom aplikacijom svoje banke da biste popunili podatke o plaćanju ili odštampajte nalog i platite u banci, pošti ili menjačnici.
slip-qr-alt = IPS QR kod ovog plaćanja
slip-download = Preuzmite nalog za uplatu (PDF)
slip-purpose-residence = Taksa za privremeni boravak
check-step = Pitanje { $n } od { $count }
check-continue = Nastavite
check-back = Nazad
check-your-answers = Vaši odgovori
check-change = Izmenite
check-again = Počnite ponovo
## Odakle pravilo potiče: izvori pod svojim pravim naslovima
source-project = Kako ovaj portal primenjuje pravilo
source-reading = Kako ovaj portal primenjuje pravilo, na osnovu: { $citation }
source-citation = { $title }, odeljak „{ $section }“
source-document-seed-004 = Privremeni boravak — Portal za strane državljane (Ministarstvo unutrašnjih poslova), poslednje ažuriranje 16.12.2024.
source-document-seed-002 = Elektronski zahtev za dozvolu boravka u Srbiji: potpuni vodič (privatni vodič)
source-document-design-md = Sekundarni javni izvori koje je prikupio ovaj portal (iznosi nisu potvrđeni zvaničnom tarifom)
source-section-seed-004-introduction = Privremeni boravak
source-section-seed-004-what-is-temporary-residence = Šta je privremeni boravak?
source-section-seed-004-bases = Osnov za izdavanje dozvole za privremeni boravak i rad, odnosno dozvole za privremeni boravak
source-section-seed-004-issuance = Izdavanje dozvole za privremeni boravak, odnosno dozvole za privremeni boravak i rad
source-section-seed-004-rejection = Odbijanje zahteva za privremeni boravak
source-section-seed-002-key-questions = Ključna pitanja o dozvoli boravka: beli karton, „vizaran“ i putovanja
source-section-seed-002-absences = Ograničenja odsustva i načini podnošenja
source-section-seed-002-issuance-costs = Rokovi izdavanja, troškovi i opšta pravila
source-section-seed-002-general-documents = Prvi zahtev: opšti spisak dokumenata
source-section-seed-002-self-employment = Dokumenta za „samozapošljavanje“ (preduzetnik)
source-section-seed-002-family-reunification = Dokumenta za „spajanje porodice“
source-section-seed-002-online-application = Postupak elektronskog podnošenja: od registracije do plaćanja
source-section-seed-002-status-tracking = Praćenje statusa zahteva i dopune
source-section-seed-002-biometrics = Biometrija: plaćanje taksi i odlazak u MUP
source-section-seed-002-passport-replacement = Život sa dozvolom boravka: sledeći koraci i zamena pasoša
source-section-design-md-fees = Iznosi taksi
source-section-design-md-payment-details = Podaci za plaćanje
## Odakle potiče provera identifikatora
identifier-source-jmbg = Zakon o jedinstvenom matičnom broju građana: kontrolna cifra
identifier-source-ebs = Evidencijski broj stranca (EBS), sastavljen kao JMBG; da se kontrolna cifra računa na isti način, način je na koji ovaj portal primenjuje pravilo (nije potvrđeno)
identifier-source-account = Narodna banka Srbije: broj računa, kontrolni broj ISO 7064 MOD 97-10
identifier-source-reference97 = Narodna banka Srbije: poziv na broj, model 97 (ISO 7064 MOD 97-10)
identifier-source-pib = Poreska uprava: poreski identifikacioni broj (PIB), ISO 7064 MOD 11,10
identifier-source-mb = Republički zavod za statistiku i Agencija za privredne registre: matični broj (MB), ponderisani modul 11 (nije potvrđeno)
## Datumi napisani rečima
date-long-1 = { $day }. januara { $year }.
date-long-2 = { $day }. februara { $year }.
date-long-3 = { $day }. marta { $year }.
date-long-4 = { $day }. aprila { $year }.
date-long-5 = { $day }. maja { $year }.
date-long-6 = { $day }. juna { $year }.
date-long-7 = { $day }. jula { $year }.
date-long-8 = { $day }. avgusta { $year }.
date-long-9 = { $day }. septembra { $year }.
date-long-10 = { $day }. oktobra { $year }.
date-long-11 = { $day }. novembra { $year }.
date-long-12 = { $day }. decembra { $year }.
