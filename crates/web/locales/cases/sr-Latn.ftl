# Kancelarija inspektora: predmeti boravka jedne policijske uprave.
nav-cases = Predmeti
cases-title = Predmeti boravka
cases-no-department = Još niste raspoređeni u policijsku upravu, pa nema predmeta za prikaz. Administrator raspoređuje službenike po upravama.
cases-filter-label = Filtriranje predmeta
cases-filter-status = Status
cases-filter-all = Svi statusi
cases-filter-mine = Samo predmeti koje ja vodim
cases-filter-apply = Prikaži predmete
cases-counts-heading = Predmeti po statusu
cases-empty = Nijedan predmet ne odgovara ovom filteru.
cases-col-submitted = Podnet
cases-col-assignee = Vodi
cases-assignee-none = Još nije preuzet
cases-assignee-me = Vi
cases-assignee-other = Drugi inspektor
casefile-title = Predmet
casefile-back = Nazad na predmete
casefile-actions-heading = Šta sada možete da uradite
casefile-no-actions = Na ovom predmetu sada nemate šta da uradite.
casefile-take = Preuzmi predmet
casefile-applicant = Podnosilac
casefile-municipality = Opština boravka
casefile-assignee = Vodi
casefile-documents-heading = Dokumenta
casefile-no-documents = Podnosilac nije otpremio dokumenta.
casefile-answers-heading = Odgovori podnosioca
notice-case-taken = Preuzeli ste predmet. Njegov status je sada „Zahtev u obradi“.
notice-case-not-taken = Predmet nije preuzet: drugi službenik ga je preuzeo pre vas ili mu se promenio status. Stranica ga prikazuje kakav je sada.
event-taken = Inspektor je preuzeo zahtev

## Odustanak od zahteva (podnosilac, pre odluke)
case-withdraw-heading = Odustanak od zahteva
case-withdraw-intro = Dok odluka ne bude doneta, možete odustati od ovog zahteva, na primer ako napuštate Srbiju ili podnosite zahtev po drugom osnovu.
case-withdraw-link = Odustani od zahteva
withdraw-title = Odustati od ovog zahteva?
withdraw-body = Zahtev će biti zatvoren i o njemu neće biti doneta odluka. Ovo se ne može poništiti: za novi zahtev započinjete novu prijavu.
withdraw-fees = Portal ne vraća već plaćene takse; o povraćaju takse odlučuje policijska uprava (treba potvrditi).
withdraw-confirm = Da, odustajem od zahteva
withdraw-cancel = Ne, vrati me nazad
notice-request-withdrawn = Odustali ste od zahteva. Poslali smo Vam potvrdu e-poštom.
event-withdrawn = Podnosilac je odustao od zahteva
mail-request-withdrawn-subject = Odustali ste od zahteva
mail-request-withdrawn-body = Odustali ste od zahteva { $reference } za privremeni boravak. O njemu neće biti doneta odluka. Možete ga pogledati ovde:
    { $link }

## Ko je gledao predmet (prikazuje se podnosiocu)
case-views-heading = Ko je gledao Vaš zahtev
case-views-intro = Svaki put kada službenik otvori Vaš zahtev ili neki njegov dokument, to se beleži i prikazuje ovde: uloga službenika i policijska uprava, ne njegovo ime.
case-views-none = Nijedan službenik još nije otvorio Vaš zahtev.
views-col-what = Šta
views-col-role = Uloga
views-col-department = Policijska uprava
view-opened = Otvorio zahtev
view-document = Otvorio dokument
view-taken = Preuzeo zahtev
viewer-role-inspector = Inspektor
viewer-role-supervisor = Nadzornik
viewer-role-officer = Službenik

## Interne beleške (samo službenici uprave)
casefile-notes-heading = Interne beleške
casefile-notes-intro = Ove beleške vide samo službenici ove policijske uprave. Podnosilac ih nikada ne vidi.
casefile-notes-none = Još nema beleški.
casefile-note-label = Dodajte belešku
casefile-note-add = Dodaj belešku
notice-case-note-added = Beleška je dodata.

## Preraspodela (nadzornik)
casefile-reassign-label = Dodelite predmet službeniku
casefile-reassign = Preraspodeli predmet
notice-case-reassigned = Predmet je dodeljen drugom službeniku.
event-reassigned = Nadzornik je dodelio zahtev drugom inspektoru
error-choose-one-to = Izaberite službenika ove policijske uprave.
