-- Scheduled work (the reconciler, the invariants check) runs on one instance at a time: ShedLock
-- keeps one row per job here, locked until lock_until (database time, UTC).
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until  DATETIME(3)  NOT NULL,
    locked_at   DATETIME(3)  NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
