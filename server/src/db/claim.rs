//! The claim queue: tables whose rows are work that workers take under expiring leases (due
//! checks, action executions, alert deliveries, runs, project queue messages).
//!
//! A claim is one statement: it stamps up to a bound of due rows with a lease (when it ends
//! and, on tables that keep one, who holds it) and returns them. Each loop says which rows are
//! due and in which order; the queue adds that no live lease holds them. On PostgreSQL the rows
//! are picked with `FOR UPDATE OF … SKIP LOCKED`, so replicas claiming at once never take the
//! same row nor wait for each other, and the conditions are checked again on the locked row; on
//! SQLite the statement runs under the database's single writer lock, which gives the same. A
//! lease that runs out (its worker died) makes the row claimable again; a worker still at it
//! renews its lease, and one that stops early releases it so that others take the row at once.
//!
//! Statements are written once for both databases with numbered parameters (`$1`, `$2`, …):
//! PostgreSQL reads them as its own, SQLite as named parameters that the driver binds by their
//! number, so a value used twice is sent once.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult, IdenStatic,
    QueryFilter, Statement, UpdateMany, Value,
};

/// A table of work taken under leases: the columns that hold a lease, who claims, and how
/// long a lease lasts.
#[derive(Debug, Clone)]
pub struct ClaimQueue<E: EntityTrait> {
    id: E::Column,
    until: E::Column,
    holder: Option<(E::Column, String)>,
    lease: Duration,
}

/// Which rows a claim takes, in the loop's own SQL.
#[derive(Debug, Clone, Default)]
pub struct Due<'a> {
    /// What the rows are chosen from: the table under an alias, with any joins
    /// (`monitor_locations l JOIN monitors m ON m.id = l.monitor_id`).
    pub from: &'a str,
    /// The claimed table's alias in `from` (`l`).
    pub alias: &'a str,
    /// Which rows are due. `$1` is the claim's time, `values` are `$2`, `$3`, …
    pub when: &'a str,
    /// The order in which due rows are taken (`l.next_check_at`).
    pub order: &'a str,
    /// What a claim changes on its rows beside the lease (`status = 'RUNNING'`), or nothing.
    pub set: &'a str,
    /// The values of `when` and `set`, from `$2` on.
    pub values: Vec<Value>,
}

impl<E: EntityTrait> ClaimQueue<E> {
    /// A queue on the table of `E`, whose rows are keyed by `id` and leased until `until`
    /// (NULL: not leased) for `lease` at a time.
    pub fn new(id: E::Column, until: E::Column, lease: Duration) -> Self {
        Self {
            id,
            until,
            holder: None,
            lease,
        }
    }

    /// Claims in the name of `holder`, written to `column`; renewals and releases then touch
    /// only the rows `holder` holds.
    pub fn held_by(mut self, column: E::Column, holder: impl Into<String>) -> Self {
        self.holder = Some((column, holder.into()));
        self
    }

    /// When a lease taken or renewed at `now` ends.
    pub fn lease_until(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + chrono::Duration::from_std(self.lease).unwrap_or_default()
    }

    /// Takes up to `limit` rows that are due at `now` and not under a live lease, the first in
    /// the order of `due`, stamping them with a lease: one statement. The rows come back in no
    /// particular order.
    pub async fn claim(
        &self,
        db: &impl ConnectionTrait,
        due: &Due<'_>,
        now: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<E::Model>, DbErr> {
        let backend = db.get_database_backend();
        let mut values = first_values(due, now);
        let lease = push(&mut values, self.lease_until(now));
        let mut set = vec![format!("{} = {lease}", self.until.as_str())];
        if let Some((column, holder)) = &self.holder {
            let holder = push(&mut values, holder.clone());
            set.push(format!("{} = {holder}", column.as_str()));
        }
        if !due.set.is_empty() {
            set.push(due.set.to_owned());
        }
        let id = self.id.as_str();
        let chosen = self.choose(
            backend,
            due,
            &format!("{}.{id}", due.alias),
            &mut values,
            limit,
        );
        let sql = format!(
            "UPDATE {table} SET {set} WHERE {id} IN ({chosen}) RETURNING *",
            table = E::default().table_name(),
            set = set.join(", "),
        );
        E::Model::find_by_statement(Statement::from_sql_and_values(backend, sql, values))
            .all(db)
            .await
    }

    /// Reads up to `limit` rows that are due at `now` and not under a live lease, in the order
    /// of `due`, without stamping them: for a loop that checks more (a capacity) before it
    /// takes one with [`ClaimQueue::claim`] in the same transaction. On PostgreSQL the rows
    /// stay locked until that transaction ends, and other claimers pass them by.
    pub async fn peek(
        &self,
        db: &impl ConnectionTrait,
        due: &Due<'_>,
        now: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<E::Model>, DbErr> {
        let backend = db.get_database_backend();
        let mut values = first_values(due, now);
        let sql = self.choose(
            backend,
            due,
            &format!("{}.*", due.alias),
            &mut values,
            limit,
        );
        E::Model::find_by_statement(Statement::from_sql_and_values(backend, sql, values))
            .all(db)
            .await
    }

    /// The statement that extends, from `now`, the leases this holder has on `ids`. Callers
    /// add their own conditions and run it (`exec`, or `exec_with_returning` to learn which
    /// leases were still held).
    pub fn renew<V: Into<Value>>(
        &self,
        ids: impl IntoIterator<Item = V>,
        now: DateTime<Utc>,
    ) -> UpdateMany<E> {
        let update = E::update_many()
            .col_expr(self.until, Expr::value(self.lease_until(now)))
            .filter(self.id.is_in(ids));
        self.holding(update)
    }

    /// The statement that gives back the leases this holder has on `ids`: the rows are
    /// claimable at once. Callers add what else changes (an outcome, a status) and run it.
    pub fn release<V: Into<Value>>(&self, ids: impl IntoIterator<Item = V>) -> UpdateMany<E> {
        let update = self.cleared(E::update_many()).filter(self.id.is_in(ids));
        self.holding(update)
    }

    /// The statement that ends, whoever held them, the leases that ran out before `now`: for
    /// a table whose held rows also leave the due set (by a status the caller sets back).
    pub fn expired(&self, now: DateTime<Utc>) -> UpdateMany<E> {
        self.cleared(E::update_many()).filter(self.until.lt(now))
    }

    fn cleared(&self, mut update: UpdateMany<E>) -> UpdateMany<E> {
        update = update.col_expr(self.until, Expr::value(Option::<DateTime<Utc>>::None));
        if let Some((column, _)) = &self.holder {
            update = update.col_expr(*column, Expr::value(Option::<String>::None));
        }
        update
    }

    fn holding(&self, update: UpdateMany<E>) -> UpdateMany<E> {
        match &self.holder {
            Some((column, holder)) => update.filter(column.eq(holder.clone())),
            None => update,
        }
    }

    /// The SELECT of the due rows not under a live lease, locked on PostgreSQL.
    fn choose(
        &self,
        backend: DbBackend,
        due: &Due<'_>,
        columns: &str,
        values: &mut Vec<Value>,
        limit: u64,
    ) -> String {
        let limit = push(values, i64::try_from(limit).unwrap_or(i64::MAX));
        let lock = match backend {
            DbBackend::Postgres => format!(" FOR UPDATE OF {} SKIP LOCKED", due.alias),
            _ => String::new(),
        };
        format!(
            "SELECT {columns} FROM {from} WHERE ({when}) \
               AND ({alias}.{until} IS NULL OR {alias}.{until} < $1) \
             ORDER BY {order} LIMIT {limit}{lock}",
            from = due.from,
            when = due.when,
            alias = due.alias,
            until = self.until.as_str(),
            order = due.order,
        )
    }
}

/// The claim's time (`$1`) and the loop's own values (`$2`, …).
fn first_values(due: &Due<'_>, now: DateTime<Utc>) -> Vec<Value> {
    let mut values = Vec::with_capacity(due.values.len() + 4);
    values.push(now.into());
    values.extend(due.values.iter().cloned());
    values
}

/// Adds a value; returns its parameter.
fn push(values: &mut Vec<Value>, value: impl Into<Value>) -> String {
    values.push(value.into());
    format!("${}", values.len())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use chrono::TimeZone;
    use sea_orm::{ActiveModelTrait, DatabaseConnection, Schema, Set};
    use uuid::Uuid;

    use super::*;
    use crate::db::StatementCounter;

    /// A table of work, as the loops' tables are: due at a time, of a kind, leased.
    mod work {
        use sea_orm::entity::prelude::*;

        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "claim_queue_work")]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = false)]
            pub id: Uuid,
            pub kind: String,
            pub due_at: DateTimeUtc,
            pub attempts: i32,
            pub claimed_by: Option<String>,
            pub claimed_until: Option<DateTimeUtc>,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }

    const LEASE: Duration = Duration::from_secs(60);

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 1, 1, 12, 0, 0)
            .single()
            .expect("a valid time")
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        t0() + chrono::Duration::seconds(seconds)
    }

    fn queue(holder: &str) -> ClaimQueue<work::Entity> {
        ClaimQueue::new(work::Column::Id, work::Column::ClaimedUntil, LEASE)
            .held_by(work::Column::ClaimedBy, holder)
    }

    /// Rows of `kind` due by `$1`, earliest first; each claim counts an attempt.
    fn due_of(kind: &str) -> Due<'static> {
        Due {
            from: "claim_queue_work w",
            alias: "w",
            when: "w.kind = $2 AND w.due_at <= $1",
            order: "w.due_at, w.id",
            set: "attempts = attempts + 1",
            values: vec![kind.to_owned().into()],
        }
    }

    /// A fresh database with the work table, on SQLite and on PostgreSQL.
    struct TestDb {
        backend: &'static str,
        db: DatabaseConnection,
        statements: StatementCounter,
        /// The PostgreSQL server's URL and the database to drop at the end.
        postgres: Option<(String, String)>,
        dir: Option<std::path::PathBuf>,
    }

    impl TestDb {
        async fn sqlite() -> Self {
            let dir = std::env::temp_dir().join(format!("vigil-claim-{}", Uuid::new_v4().simple()));
            let url = format!("sqlite://{}?mode=rwc", dir.join("claim.db").display());
            let (db, statements) = crate::db::connect(&url).await.expect("opening SQLite");
            Self::ready(Self {
                backend: "sqlite",
                db,
                statements,
                postgres: None,
                dir: Some(dir),
            })
            .await
        }

        async fn postgres(admin: &str) -> Self {
            let name = format!("vigil_test_{}", Uuid::new_v4().simple());
            let server = sea_orm::Database::connect(admin)
                .await
                .expect("connecting to TEST_DATABASE_URL");
            server
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("creating a test database");
            server.close().await.expect("closing");
            let (base, query) = admin.split_once('?').unwrap_or((admin, ""));
            let base = base.rsplit_once('/').map_or(base, |(head, _)| head);
            let query = if query.is_empty() {
                String::new()
            } else {
                format!("?{query}")
            };
            let (db, statements) = crate::db::connect(&format!("{base}/{name}{query}"))
                .await
                .expect("opening the test database");
            Self::ready(Self {
                backend: "postgres",
                db,
                statements,
                postgres: Some((admin.to_owned(), name)),
                dir: None,
            })
            .await
        }

        async fn ready(self) -> Self {
            let backend = self.db.get_database_backend();
            let table = Schema::new(backend).create_table_from_entity(work::Entity);
            self.db
                .execute_raw(backend.build(&table))
                .await
                .expect("creating the work table");
            self
        }

        /// SQLite, and PostgreSQL when `TEST_DATABASE_URL` is set (a visible skip otherwise,
        /// a failure when `TEST_NO_SKIP` is set).
        async fn all(test: &str) -> Vec<Self> {
            let mut out = vec![Self::sqlite().await];
            match std::env::var("TEST_DATABASE_URL") {
                Ok(url) if !url.is_empty() => out.push(Self::postgres(&url).await),
                _ => {
                    let why = format!("SKIPPED {test} on PostgreSQL: it needs TEST_DATABASE_URL");
                    assert!(std::env::var_os("TEST_NO_SKIP").is_none(), "{why}");
                    eprintln!("{why}");
                }
            }
            out
        }

        async fn insert(&self, kind: &str, due_at: DateTime<Utc>) -> Uuid {
            let id = Uuid::now_v7();
            work::ActiveModel {
                id: Set(id),
                kind: Set(kind.to_owned()),
                due_at: Set(due_at),
                attempts: Set(0),
                claimed_by: Set(None),
                claimed_until: Set(None),
            }
            .insert(&self.db)
            .await
            .expect("inserting work");
            id
        }

        /// The ids claimed, sorted (ids are made in the order of insertion).
        async fn claim(&self, holder: &str, now: DateTime<Utc>, limit: u64) -> Vec<Uuid> {
            let mut ids: Vec<Uuid> = queue(holder)
                .claim(&self.db, &due_of("job"), now, limit)
                .await
                .expect("claiming")
                .into_iter()
                .map(|row| row.id)
                .collect();
            ids.sort_unstable();
            ids
        }

        async fn row(&self, id: Uuid) -> work::Model {
            work::Entity::find_by_id(id)
                .one(&self.db)
                .await
                .expect("reading")
                .expect("the row")
        }

        async fn drop(self) {
            self.db.close().await.expect("closing");
            if let Some((admin, name)) = self.postgres
                && let Ok(server) = sea_orm::Database::connect(&admin).await
            {
                let _ = server
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await;
                let _ = server.close().await;
            }
            if let Some(dir) = self.dir {
                let _ = std::fs::remove_dir_all(dir);
            }
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn two_claimers_never_take_the_same_row() {
        for t in TestDb::all("two_claimers_never_take_the_same_row").await {
            let mut ids = HashSet::new();
            for i in 0..300 {
                ids.insert(t.insert("job", at(-i)).await);
            }
            // Six workers claim batches of seven at the same moment until nothing is left;
            // each stops after an empty claim, and no worker can need more than 300 claims.
            let workers = (0..6).map(|w| {
                let t = &t;
                async move {
                    let holder = format!("worker-{w}");
                    let mut got = Vec::new();
                    for _ in 0..300 {
                        let batch = t.claim(&holder, t0(), 7).await;
                        if batch.is_empty() {
                            break;
                        }
                        got.extend(batch.into_iter().map(|id| (id, holder.clone())));
                    }
                    got
                }
            });
            let claimed: Vec<(Uuid, String)> = futures_util::future::join_all(workers)
                .await
                .into_iter()
                .flatten()
                .collect();
            let distinct: HashSet<Uuid> = claimed.iter().map(|(id, _)| *id).collect();
            assert_eq!(claimed.len(), 300, "[{}] every row claimed once", t.backend);
            assert_eq!(
                distinct, ids,
                "[{}] the claimed rows are the rows",
                t.backend
            );
            for (id, holder) in claimed.iter().step_by(17) {
                let row = t.row(*id).await;
                assert_eq!(
                    row.claimed_by.as_deref(),
                    Some(holder.as_str()),
                    "[{}]",
                    t.backend
                );
                assert_eq!(row.claimed_until, Some(at(60)), "[{}]", t.backend);
                assert_eq!(row.attempts, 1, "[{}] the claim's own change", t.backend);
            }
            t.drop().await;
        }
    }

    #[tokio::test]
    async fn an_expired_lease_is_claimable_again_and_a_renewed_one_is_not() {
        for t in TestDb::all("an_expired_lease_is_claimable_again_and_a_renewed_one_is_not").await {
            let left = t.insert("job", at(-10)).await;
            let kept = t.insert("job", at(-5)).await;
            assert_eq!(
                t.claim("a", t0(), 10).await,
                vec![left, kept],
                "[{}]",
                t.backend
            );
            assert!(
                t.claim("b", at(59), 10).await.is_empty(),
                "[{}] live leases hold",
                t.backend
            );
            // `a` renews one lease at 50 s, to 110 s; `b` may renew nothing of `a`'s.
            let renewed = queue("a")
                .renew([kept], at(50))
                .exec_with_returning(&t.db)
                .await
                .expect("renewing");
            assert_eq!(renewed.len(), 1, "[{}]", t.backend);
            assert_eq!(renewed[0].claimed_until, Some(at(110)), "[{}]", t.backend);
            let stolen = queue("b")
                .renew([left, kept], at(55))
                .exec(&t.db)
                .await
                .expect("renewing");
            assert_eq!(
                stolen.rows_affected, 0,
                "[{}] only the holder renews",
                t.backend
            );
            // At 61 s the other lease has run out: `b` takes that row, not the renewed one.
            assert_eq!(
                t.claim("b", at(61), 10).await,
                vec![left],
                "[{}]",
                t.backend
            );
            assert_eq!(t.row(left).await.attempts, 2, "[{}]", t.backend);
            assert!(
                t.claim("c", at(109), 10).await.is_empty(),
                "[{}]",
                t.backend
            );
            assert_eq!(
                t.claim("c", at(111), 10).await,
                vec![kept],
                "[{}]",
                t.backend
            );
            // A lease that ran out and was taken over cannot be renewed by its old holder.
            let late = queue("a")
                .renew([kept], at(112))
                .exec(&t.db)
                .await
                .expect("renewing");
            assert_eq!(late.rows_affected, 0, "[{}]", t.backend);
            t.drop().await;
        }
    }

    #[tokio::test]
    async fn release_makes_a_row_claimable_at_once() {
        for t in TestDb::all("release_makes_a_row_claimable_at_once").await {
            let id = t.insert("job", at(-1)).await;
            assert_eq!(t.claim("a", t0(), 10).await, vec![id], "[{}]", t.backend);
            let other = queue("b")
                .release([id])
                .exec(&t.db)
                .await
                .expect("releasing");
            assert_eq!(
                other.rows_affected, 0,
                "[{}] only the holder releases",
                t.backend
            );
            assert!(t.claim("b", at(1), 10).await.is_empty(), "[{}]", t.backend);
            let mine = queue("a")
                .release([id])
                .exec(&t.db)
                .await
                .expect("releasing");
            assert_eq!(mine.rows_affected, 1, "[{}]", t.backend);
            let row = t.row(id).await;
            assert_eq!(
                (row.claimed_by, row.claimed_until),
                (None, None),
                "[{}]",
                t.backend
            );
            assert_eq!(t.claim("b", at(1), 10).await, vec![id], "[{}]", t.backend);
            t.drop().await;
        }
    }

    #[tokio::test]
    async fn a_claim_takes_due_rows_in_order_up_to_its_bound() {
        for t in TestDb::all("a_claim_takes_due_rows_in_order_up_to_its_bound").await {
            // Inserted latest due first: the order is the predicate's, not the ids'.
            let mut due = Vec::new();
            for i in 0..8 {
                due.push(t.insert("job", at(-i)).await);
            }
            let later = t.insert("job", at(1)).await;
            let other = t.insert("mail", at(-100)).await;
            assert_eq!(t.claim("a", t0(), 3).await, due[5..], "[{}]", t.backend);
            assert_eq!(t.claim("a", t0(), 3).await, due[2..5], "[{}]", t.backend);
            assert_eq!(t.claim("a", t0(), 3).await, due[..2], "[{}]", t.backend);
            assert!(t.claim("a", t0(), 3).await.is_empty(), "[{}]", t.backend);
            // Rows the predicate does not take stay untouched.
            for id in [later, other] {
                let row = t.row(id).await;
                assert_eq!((row.claimed_by, row.attempts), (None, 0), "[{}]", t.backend);
            }
            t.drop().await;
        }
    }

    #[tokio::test]
    async fn claim_renew_and_release_are_one_statement_each() {
        for t in TestDb::all("claim_renew_and_release_are_one_statement_each").await {
            for i in 0..50 {
                t.insert("job", at(-i)).await;
            }
            let before = t.statements.get();
            let claimed = t.claim("a", t0(), 40).await;
            assert_eq!(claimed.len(), 40, "[{}]", t.backend);
            assert_eq!(t.statements.get() - before, 1, "[{}] a claim", t.backend);
            let before = t.statements.get();
            assert!(t.claim("b", t0(), 40).await.len() == 10, "[{}]", t.backend);
            assert!(t.claim("b", t0(), 40).await.is_empty(), "[{}]", t.backend);
            assert_eq!(
                t.statements.get() - before,
                2,
                "[{}] claims, full or empty",
                t.backend
            );
            let before = t.statements.get();
            queue("a")
                .renew(claimed.clone(), at(30))
                .exec(&t.db)
                .await
                .expect("renewing");
            queue("a")
                .release(claimed)
                .exec(&t.db)
                .await
                .expect("releasing");
            assert_eq!(
                t.statements.get() - before,
                2,
                "[{}] renew, release",
                t.backend
            );
            t.drop().await;
        }
    }

    #[tokio::test]
    async fn expired_ends_only_the_leases_that_ran_out() {
        for t in TestDb::all("expired_ends_only_the_leases_that_ran_out").await {
            let old = t.insert("job", at(-30)).await;
            assert_eq!(t.claim("a", at(-30), 1).await, vec![old], "[{}]", t.backend);
            let live = t.insert("job", at(-1)).await;
            assert_eq!(t.claim("b", t0(), 1).await, vec![live], "[{}]", t.backend);
            let ended = queue("c")
                .expired(at(31))
                .exec(&t.db)
                .await
                .expect("ending leases");
            assert_eq!(ended.rows_affected, 1, "[{}]", t.backend);
            let row = t.row(old).await;
            assert_eq!(
                (row.claimed_by, row.claimed_until),
                (None, None),
                "[{}]",
                t.backend
            );
            assert_eq!(
                t.row(live).await.claimed_by.as_deref(),
                Some("b"),
                "[{}]",
                t.backend
            );
            t.drop().await;
        }
    }

    #[tokio::test]
    async fn peeked_rows_are_not_stamped_and_stay_locked_until_the_transaction_ends() {
        for t in
            TestDb::all("peeked_rows_are_not_stamped_and_stay_locked_until_the_transaction_ends")
                .await
        {
            let first = t.insert("job", at(-2)).await;
            let second = t.insert("job", at(-1)).await;
            let held = t.insert("job", at(-3)).await;
            assert_eq!(t.claim("a", at(-3), 1).await, vec![held], "[{}]", t.backend);
            let txn = crate::db::write_txn(&t.db).await.expect("begin");
            let peeked: Vec<Uuid> = queue("b")
                .peek(&txn, &due_of("job"), t0(), 1)
                .await
                .expect("peeking")
                .into_iter()
                .map(|row| row.id)
                .collect();
            assert_eq!(peeked, vec![first], "[{}] due, free, in order", t.backend);
            if t.backend == "postgres" {
                // Another claimer passes the locked row by, without waiting for it.
                assert_eq!(
                    t.claim("c", t0(), 10).await,
                    vec![second],
                    "[{}]",
                    t.backend
                );
            }
            let taken = queue("b")
                .claim(
                    &txn,
                    &Due {
                        when: "w.id = $2",
                        values: vec![first.into()],
                        ..due_of("job")
                    },
                    t0(),
                    1,
                )
                .await
                .expect("taking the peeked row");
            assert_eq!(
                taken.len(),
                1,
                "[{}] its own lock does not hide it",
                t.backend
            );
            txn.commit().await.expect("commit");
            let row = t.row(first).await;
            assert_eq!(row.claimed_by.as_deref(), Some("b"), "[{}]", t.backend);
            t.drop().await;
        }
    }
}
