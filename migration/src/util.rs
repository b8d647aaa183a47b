//! Small helpers that keep the migrations short and uniform.
//!
//! Every table is created with its foreign keys inline (SQLite cannot add them later), and every
//! foreign-key column gets an index through [`fk_index`], so that joins and cascades stay cheap.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// `id uuid primary key`.
pub fn id() -> ColumnDef {
    pk_uuid("id")
}

/// `created_at timestamptz not null default now`.
pub fn created_at() -> ColumnDef {
    timestamp_with_time_zone("created_at")
        .default(Expr::current_timestamp())
        .take()
}

/// `updated_at timestamptz not null default now`.
pub fn updated_at() -> ColumnDef {
    timestamp_with_time_zone("updated_at")
        .default(Expr::current_timestamp())
        .take()
}

/// A boolean column that is never null and starts at `value`.
pub fn flag(col: &'static str, value: bool) -> ColumnDef {
    boolean(col).default(value).take()
}

/// An integer column that is never null and starts at `value`.
pub fn counter(col: &'static str, value: i32) -> ColumnDef {
    integer(col).default(value).take()
}

/// A foreign key from `table.col` to `target.id`.
pub fn fk(
    table: &'static str,
    col: &'static str,
    target: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{col}"))
        .from(table, col)
        .to(target, "id")
        .on_delete(on_delete)
        .on_update(ForeignKeyAction::Cascade)
        .take()
}

/// A plain index `idx_{table}_{cols}`.
pub fn index(table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut stmt = Index::create();
    stmt.name(format!("idx_{table}_{}", cols.join("_")))
        .table(table);
    for col in cols {
        stmt.col(*col);
    }
    stmt.take()
}

/// The index that backs a foreign-key column.
pub fn fk_index(table: &'static str, col: &'static str) -> IndexCreateStatement {
    index(table, &[col])
}

/// A unique index `uq_{table}_{cols}`.
pub fn unique(table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut stmt = Index::create();
    stmt.name(format!("uq_{table}_{}", cols.join("_")))
        .table(table)
        .unique();
    for col in cols {
        stmt.col(*col);
    }
    stmt.take()
}

/// Creates a table, then its indexes.
pub async fn create(
    manager: &SchemaManager<'_>,
    table: TableCreateStatement,
    indexes: Vec<IndexCreateStatement>,
) -> Result<(), DbErr> {
    manager.create_table(table).await?;
    for index in indexes {
        manager.create_index(index).await?;
    }
    Ok(())
}

/// Drops tables in the order given (children first).
pub async fn drop_all(manager: &SchemaManager<'_>, tables: &[&'static str]) -> Result<(), DbErr> {
    for table in tables {
        manager
            .drop_table(Table::drop().table(*table).if_exists().to_owned())
            .await?;
    }
    Ok(())
}
