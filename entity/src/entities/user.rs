//! `user`: a person who signs in. Seed 000's user merged with seed 001's User (TOTP secret,
//! active flag, display name, Slack webhook). The password lives in `account.password`.

use sea_orm::entity::prelude::*;

/// System-wide role: `admin` can list, ban and impersonate users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum UserRole {
    #[sea_orm(string_value = "user")]
    User,
    #[sea_orm(string_value = "admin")]
    Admin,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    #[sea_orm(unique)]
    pub email: String,
    pub email_verified: bool,
    pub image: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub role: UserRole,
    pub banned: bool,
    pub ban_reason: Option<String>,
    pub ban_expires: Option<DateTimeUtc>,
    pub display_name: Option<String>,
    /// AES-256-GCM encrypted base32 TOTP secret.
    pub totp_secret: Option<String>,
    /// True once the user confirmed enrolment with a valid code.
    pub totp_enabled: bool,
    /// The last TOTP time step accepted, so that a code is used once.
    pub totp_last_step: Option<i64>,
    pub is_active: bool,
    pub slack_webhook_url: Option<String>,
    pub failed_sign_in_count: i32,
    pub sign_in_locked_until: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::account::Entity")]
    Account,
    #[sea_orm(has_many = "super::session::Entity")]
    Session,
    #[sea_orm(has_many = "super::member::Entity")]
    Member,
    #[sea_orm(has_many = "super::project_members::Entity")]
    ProjectMembers,
    #[sea_orm(has_many = "super::apikey::Entity")]
    Apikey,
}

impl Related<super::account::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl Related<super::session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl Related<super::member::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Member.def()
    }
}

impl Related<super::project_members::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProjectMembers.def()
    }
}

impl Related<super::apikey::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Apikey.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
