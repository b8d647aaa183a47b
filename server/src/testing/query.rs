//! Reading tests, jobs and runs: filtered lists, a test's or a job's runs, and the batch
//! reads behind the API's dataloaders (one statement whatever the number of parents).

use std::collections::HashMap;

use entity::{
    job_notification_settings, job_tests, jobs, k6_performance_runs, runs, tags, test_tags, tests,
};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::auth::{Level, Principal};
use crate::db::page::{self, Order, PageRequest, Rows};
use crate::error::AppResult;
use crate::state::AppState;

/// Which tests of a project to list.
#[derive(Debug, Default, Clone)]
pub struct TestFilter {
    pub kind: Option<tests::TestType>,
    /// Part of the title, any case.
    pub search: Option<String>,
    pub tag_id: Option<Uuid>,
}

/// Tests of a project the caller may view, oldest first.
pub async fn tests(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    filter: TestFilter,
    request: PageRequest,
) -> AppResult<Rows<tests::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let mut query = tests::Entity::find().filter(tests::Column::ProjectId.eq(project_id));
    if let Some(kind) = filter.kind {
        query = query.filter(tests::Column::Type.eq(kind));
    }
    if let Some(search) = filter.search {
        query = query.filter(
            Expr::expr(Func::lower(Expr::col(tests::Column::Title)))
                .like(format!("%{}%", search.to_lowercase())),
        );
    }
    if let Some(tag) = filter.tag_id {
        query = query.filter(
            tests::Column::Id.in_subquery(
                Query::select()
                    .column(test_tags::Column::TestId)
                    .from(test_tags::Entity)
                    .and_where(test_tags::Column::TagId.eq(tag))
                    .to_owned(),
            ),
        );
    }
    page::read(&state.db, query, tests::Column::Id, Order::Asc, request).await
}

/// Jobs of a project the caller may view, oldest first.
pub async fn jobs(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<jobs::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let query = jobs::Entity::find().filter(jobs::Column::ProjectId.eq(project_id));
    page::read(&state.db, query, jobs::Column::Id, Order::Asc, request).await
}

/// Which runs of a project to list.
#[derive(Debug, Default, Clone)]
pub struct RunFilter {
    pub job_id: Option<Uuid>,
    pub status: Option<runs::RunStatus>,
    pub trigger: Option<runs::RunTrigger>,
}

/// Runs of a project the caller may view, newest first.
pub async fn runs(
    state: &AppState,
    principal: &Principal,
    project_id: Uuid,
    filter: RunFilter,
    request: PageRequest,
) -> AppResult<Rows<runs::Model>> {
    principal
        .project(&state.db, project_id, Level::Viewer)
        .await?;
    let mut query = runs::Entity::find().filter(runs::Column::ProjectId.eq(project_id));
    if let Some(job_id) = filter.job_id {
        query = query.filter(runs::Column::JobId.eq(job_id));
    }
    if let Some(status) = filter.status {
        query = query.filter(runs::Column::Status.eq(status));
    }
    if let Some(trigger) = filter.trigger {
        query = query.filter(runs::Column::Trigger.eq(trigger));
    }
    page::read(&state.db, query, runs::Column::Id, Order::Desc, request).await
}

/// Runs of one test on its own (from the editor), newest first; the caller has seen `test`.
pub async fn test_runs(
    db: &impl ConnectionTrait,
    test: &tests::Model,
    request: PageRequest,
) -> AppResult<Rows<runs::Model>> {
    let query = runs::Entity::find()
        .filter(runs::Column::ProjectId.eq(test.project_id))
        .filter(runs::Column::JobId.is_null())
        .filter(Expr::cust_with_values(
            if db.get_database_backend() == sea_orm::DbBackend::Postgres {
                "metadata->>'testId' = $1"
            } else {
                "json_extract(metadata, '$.testId') = ?"
            },
            [test.id.to_string()],
        ));
    page::read(db, query, runs::Column::Id, Order::Desc, request).await
}

/// The newest run on its own (from the editor) of each test, one statement; tests never run
/// alone have none. The callers have seen the tests.
pub async fn last_test_runs(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, runs::Model>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let backend = db.get_database_backend();
    let postgres = backend == sea_orm::DbBackend::Postgres;
    let test_id = if postgres {
        "metadata->>'testId'"
    } else {
        "json_extract(metadata, '$.testId')"
    };
    let marks: Vec<String> = (1..=ids.len())
        .map(|i| {
            if postgres {
                format!("${i}")
            } else {
                "?".into()
            }
        })
        .collect();
    let sql = format!(
        "SELECT * FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY {test_id} ORDER BY r.id DESC) \
         AS newest FROM runs r WHERE r.job_id IS NULL AND {test_id} IN ({marks})) latest \
         WHERE newest = 1",
        marks = marks.join(", ")
    );
    let values: Vec<sea_orm::Value> = ids.iter().map(|id| id.to_string().into()).collect();
    let rows = runs::Model::find_by_statement(sea_orm::Statement::from_sql_and_values(
        backend, sql, values,
    ))
    .all(db)
    .await?;
    let mut out = HashMap::new();
    for run in rows {
        let test = run
            .metadata
            .as_ref()
            .and_then(|m| m.get("testId"))
            .and_then(serde_json::Value::as_str)
            .and_then(|t| Uuid::parse_str(t).ok());
        if let Some(test) = test.filter(|t| ids.contains(t)) {
            out.insert(test, run);
        }
    }
    Ok(out)
}

/// Runs of one job, newest first; the caller has seen the job.
pub async fn job_runs(
    db: &impl ConnectionTrait,
    job_id: Uuid,
    request: PageRequest,
) -> AppResult<Rows<runs::Model>> {
    let query = runs::Entity::find().filter(runs::Column::JobId.eq(job_id));
    page::read(db, query, runs::Column::Id, Order::Desc, request).await
}

/// The notification providers a job alerts through.
pub async fn job_provider_ids(db: &impl ConnectionTrait, job_id: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(job_notification_settings::Entity::find()
        .filter(job_notification_settings::Column::JobId.eq(job_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.notification_provider_id)
        .collect())
}

/// The tags of each test.
pub async fn test_tags(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<tags::Model>>> {
    let links = test_tags::Entity::find()
        .filter(test_tags::Column::TestId.is_in(ids.to_vec()))
        .find_also_related(tags::Entity)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<tags::Model>> = ids.iter().map(|k| (*k, Vec::new())).collect();
    for (link, tag) in links {
        if let Some(tag) = tag {
            out.entry(link.test_id).or_default().push(tag);
        }
    }
    Ok(out)
}

/// The tests of each job, in the job's order.
pub async fn job_tests(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<tests::Model>>> {
    let links = job_tests::Entity::find()
        .filter(job_tests::Column::JobId.is_in(ids.to_vec()))
        .order_by_asc(job_tests::Column::OrderPosition)
        .find_also_related(tests::Entity)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<tests::Model>> = ids.iter().map(|k| (*k, Vec::new())).collect();
    for (link, test) in links {
        if let Some(test) = test {
            out.entry(link.job_id).or_default().push(test);
        }
    }
    Ok(out)
}

/// Jobs by id.
pub async fn jobs_by_id(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, jobs::Model>> {
    let rows = jobs::Entity::find()
        .filter(jobs::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|j| (j.id, j)).collect())
}

/// The k6 executions of each run, in order.
pub async fn k6_results(
    db: &impl ConnectionTrait,
    run_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<k6_performance_runs::Model>>> {
    let rows = k6_performance_runs::Entity::find()
        .filter(k6_performance_runs::Column::RunId.is_in(run_ids.to_vec()))
        .order_by_asc(k6_performance_runs::Column::Id)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<k6_performance_runs::Model>> =
        run_ids.iter().map(|k| (*k, Vec::new())).collect();
    for row in rows {
        out.entry(row.run_id).or_default().push(row);
    }
    Ok(out)
}
