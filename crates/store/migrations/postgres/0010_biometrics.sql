-- Biometrics appointments (issue 16). A supervisor opens a department's slots (a start, an
-- end, how many people at once); an approved applicant books one. `booked` counts the
-- bookings of a slot and only ever grows past a booking by a conditional update
-- (`booked < capacity`), in the booking's own transaction: a slot's capacity is never
-- exceeded, however many book at once. A closed slot takes no booking.
CREATE TABLE biometrics_slots (
    id TEXT PRIMARY KEY NOT NULL,
    department TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    capacity BIGINT NOT NULL,
    booked BIGINT NOT NULL DEFAULT 0,
    closed BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (department, starts_at)
);
CREATE INDEX biometrics_slots_open ON biometrics_slots (department, starts_at);

-- One booking per case: booking again moves it (the old slot's place is given back in the
-- same transaction).
CREATE TABLE biometrics_bookings (
    application_id TEXT PRIMARY KEY NOT NULL REFERENCES applications(id),
    slot_id TEXT NOT NULL REFERENCES biometrics_slots(id),
    booked_at BIGINT NOT NULL,
    reminded_at BIGINT
);
CREATE INDEX biometrics_bookings_slot ON biometrics_bookings (slot_id);
