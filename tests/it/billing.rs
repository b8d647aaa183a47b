//! Billing end to end, on SQLite and PostgreSQL: plans over GraphQL; Stripe and Polar
//! checkouts and portals against local stand-ins of their APIs; both webhooks signed with the
//! providers' published algorithms and applied exactly once (forgeries refused, replays and
//! late events without effect, 50 concurrent duplicates with one effect); the full plan journey
//! through each provider; and billing off in self-hosted mode.

use chrono::{DateTime, Duration, Utc};
use entity::{audit_logs, organization, subscriptions, webhook_idempotency};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use vigil_tests::billing::{
    POLAR_WEBHOOK_SECRET, PolarSub, SECRETS, STRIPE_WEBHOOK_SECRET, StandIn, StripeSub, configure,
    deliver_polar, deliver_stripe, now, polar_event, polar_order, polar_subscription, post_polar,
    post_stripe, standard_signature, stripe_checkout, stripe_event, stripe_invoice,
    stripe_signature, stripe_subscription,
};
use vigil_tests::snapshot::uuid;
use vigil_tests::{Backend, TestApp, TestUser, backends};

const ORG_BILLING: &str = "query($id: ID!) { organization(id: $id) { plan { id name limits { tier maxMonitors } } subscription { status provider cancelAtPeriodEnd currentPeriodEnd pastDueSince graceEndsAt } } }";
const PLANS: &str = "query($all: Boolean) { plans(includeInactive: $all) { id name price currency interval features isActive stripePriceId polarProductId maxTriggers limits { tier maxMonitors } } }";
const CREATE_PLAN: &str = "mutation($i: CreatePlanInput!) { createPlan(input: $i) { id name price currency interval features stripePriceId polarProductId limits { tier maxMonitors } } }";
const UPDATE_PLAN: &str = "mutation($id: ID!, $i: UpdatePlanInput!) { updatePlan(id: $id, input: $i) { id name stripePriceId polarProductId isActive limits { tier } } }";
const SET_ORG_PLAN: &str = "mutation($o: ID!, $p: ID!) { setOrganizationPlan(organizationId: $o, planId: $p) { id plan { name limits { tier maxMonitors } } } }";
const STRIPE_CHECKOUT: &str =
    "mutation($o: ID!, $p: ID!) { createCheckoutSession(organizationId: $o, planId: $p) }";
const STRIPE_PORTAL: &str = "mutation($o: ID!) { createBillingPortalSession(organizationId: $o) }";
const POLAR_CHECKOUT: &str =
    "mutation($o: ID!, $p: ID!) { createPolarCheckout(organizationId: $o, planId: $p) }";
const POLAR_PORTAL: &str = "mutation($o: ID!) { createPolarPortalSession(organizationId: $o) }";

/// The price and product that sell `pro` in these tests.
const PRO_PRICE: &str = "price_vigilProMonthly";
const PRO_PRODUCT: &str = "5e0c8a4b-2d6f-4b1a-9c3e-7f8a0b2c4d6e";

/// A cloud-mode server pointed at the stand-ins, its administrator (the first account), an
/// organization owner, and the `pro` plan sold through both providers.
struct Cloud {
    app: TestApp,
    admin: TestUser,
    owner: TestUser,
    org: String,
    project: String,
    pro: String,
    stripe: StandIn,
    polar: StandIn,
}

async fn cloud(backend: &Backend) -> Cloud {
    let stripe = StandIn::stripe().await;
    let polar = StandIn::polar().await;
    let app = TestApp::spawn_with(backend, |s| {
        s.mode = vigil::config::Mode::Cloud;
        configure(s, &stripe, &polar);
    })
    .await;
    let admin = app.sign_up("root@example.com").await;
    let owner = app.sign_up("owner@example.com").await;
    let (org, project) = app.create_org(&owner, "Acme").await;
    let pro = plan_id(&app, &owner, "pro").await;
    app.gql(
        Some(&admin.token),
        UPDATE_PLAN,
        json!({ "id": pro, "i": { "stripePriceId": PRO_PRICE, "polarProductId": PRO_PRODUCT } }),
    )
    .await
    .ok();
    Cloud {
        app,
        admin,
        owner,
        org,
        project,
        pro,
        stripe,
        polar,
    }
}

async fn plan_id(app: &TestApp, user: &TestUser, name: &str) -> String {
    let plans = app.gql(Some(&user.token), PLANS, json!({})).await.ok();
    plans["plans"]
        .as_array()
        .and_then(|all| all.iter().find(|p| p["name"] == name))
        .and_then(|p| p["id"].as_str())
        .unwrap_or_else(|| panic!("a plan named {name}: {plans}"))
        .to_owned()
}

/// The organization's `plan` and `subscription` as a member reads them.
async fn billing(app: &TestApp, user: &TestUser, org: &str) -> Value {
    app.gql(Some(&user.token), ORG_BILLING, json!({ "id": org }))
        .await
        .ok()["organization"]
        .clone()
}

/// Every row of the tables billing writes, to prove a request changed nothing.
async fn rows(app: &TestApp) -> Vec<Vec<Value>> {
    let db = app.db();
    vec![
        organization::Entity::find()
            .order_by_asc(organization::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("organizations"),
        subscriptions::Entity::find()
            .order_by_asc(subscriptions::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("subscriptions"),
        webhook_idempotency::Entity::find()
            .order_by_asc(webhook_idempotency::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("webhook ids"),
        audit_logs::Entity::find()
            .order_by_asc(audit_logs::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("audit rows"),
        entity::subscription_plans::Entity::find()
            .order_by_asc(entity::subscription_plans::Column::Id)
            .into_json()
            .all(db)
            .await
            .expect("plans"),
    ]
}

async fn audit_count(app: &TestApp, action: &str) -> u64 {
    audit_logs::Entity::find()
        .filter(audit_logs::Column::Action.eq(action))
        .count(app.db())
        .await
        .expect("counting audit rows")
}

fn outcome(answer: &(u16, String)) -> String {
    assert_eq!(answer.0, 200, "a webhook answer: {answer:?}");
    let body: Value = serde_json::from_str(&answer.1).expect("a JSON answer");
    body["outcome"].as_str().unwrap_or_default().to_owned()
}

fn assert_no_secret(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} shows a secret: {text}");
    }
}

/// An RFC 3339 time `secs` seconds after `base`.
fn at(base: chrono::DateTime<Utc>, secs: i64) -> String {
    (base + Duration::seconds(secs)).to_rfc3339()
}

#[tokio::test]
async fn plans_and_an_organizations_plan_are_read_by_members_and_written_by_no_one_else() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let (app, owner) = (&c.app, &c.owner);
        let info = app
            .gql(None, "{ serverInfo { mode billingEnabled } }", json!({}))
            .await
            .ok();
        assert_eq!(
            info["serverInfo"],
            json!({ "mode": "CLOUD", "billingEnabled": true })
        );
        app.gql(None, PLANS, json!({}))
            .await
            .expect_code("UNAUTHENTICATED");
        let plans = app.gql(Some(&owner.token), PLANS, json!({})).await.ok();
        let names: Vec<&str> = plans["plans"]
            .as_array()
            .map(|all| all.iter().filter_map(|p| p["name"].as_str()).collect())
            .unwrap_or_default();
        for seeded in ["free", "plus", "pro", "unlimited"] {
            assert!(names.contains(&seeded), "[{backend}] {names:?}");
        }
        let pro = plans["plans"]
            .as_array()
            .and_then(|all| all.iter().find(|p| p["name"] == "pro"))
            .cloned()
            .unwrap_or_default();
        assert_eq!(pro["stripePriceId"], PRO_PRICE);
        assert_eq!(pro["polarProductId"], PRO_PRODUCT);
        assert_eq!(pro["limits"], json!({ "tier": "PRO", "maxMonitors": 250 }));
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["plan"]["name"], "free", "[{backend}] {org}");
        assert_eq!(org["plan"]["limits"]["maxMonitors"], 10);
        assert_eq!(org["subscription"], Value::Null);

        // Members read; only system administrators write, and a refused write changes nothing.
        let team = json!({ "name": "Team", "price": 99.0, "limits": "PRO", "maxTriggers": 500000,
            "maxTimeoutDuration": 120, "stripePriceId": "price_vigilTeam", "features": ["SSO"] });
        let before = rows(app).await;
        app.gql(Some(&owner.token), CREATE_PLAN, json!({ "i": team }))
            .await
            .expect_code("FORBIDDEN");
        app.gql(
            Some(&owner.token),
            UPDATE_PLAN,
            json!({ "id": c.pro, "i": { "price": 0.0 } }),
        )
        .await
        .expect_code("FORBIDDEN");
        app.gql(
            Some(&owner.token),
            SET_ORG_PLAN,
            json!({ "o": c.org, "p": c.pro }),
        )
        .await
        .expect_code("FORBIDDEN");
        app.gql(Some(&owner.token), PLANS, json!({ "all": true }))
            .await
            .expect_code("FORBIDDEN");
        assert_eq!(rows(app).await, before, "[{backend}] a refused write");
        c.app.stop().await;
    }
}

#[tokio::test]
async fn system_administrators_create_change_and_assign_plans() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let (app, admin, owner) = (&c.app, &c.admin, &c.owner);
        let team = json!({ "name": "Team", "price": 99.0, "limits": "PRO", "maxTriggers": 500000,
            "maxTimeoutDuration": 120, "stripePriceId": "price_vigilTeam", "features": ["SSO"] });
        let created = app
            .gql(Some(&admin.token), CREATE_PLAN, json!({ "i": team }))
            .await
            .ok()["createPlan"]
            .clone();
        assert_eq!(created["currency"], "USD");
        assert_eq!(created["interval"], "MONTH");
        assert_eq!(created["features"], json!(["SSO"]));
        assert_eq!(created["limits"]["tier"], "PRO");
        assert_eq!(audit_count(app, "billing.plan.create").await, 1);
        // Names, prices and products belong to one plan each; bad fields are named.
        app.gql(Some(&admin.token), CREATE_PLAN, json!({ "i": team }))
            .await
            .expect_code("CONFLICT");
        let taken_price = json!({ "id": created["id"], "i": { "stripePriceId": PRO_PRICE } });
        app.gql(Some(&admin.token), UPDATE_PLAN, taken_price)
            .await
            .expect_code("CONFLICT");
        for (field, value) in [
            ("price", json!(-1.0)),
            ("currency", json!("EURO")),
            ("stripePriceId", json!("price_1; DROP TABLE")),
            ("polarProductId", json!("prod_not_a_uuid")),
            ("name", json!("x".repeat(201))),
            ("maxTimeoutDuration", json!(0)),
        ] {
            let bad = json!({ "id": created["id"], "i": { field: value } });
            let answer = app.gql(Some(&admin.token), UPDATE_PLAN, bad).await;
            answer.expect_code("BAD_USER_INPUT");
            assert_eq!(answer.field(), Some(field), "[{backend}] {}", answer.body);
        }
        let rename_free =
            json!({ "id": plan_id(app, owner, "free").await, "i": { "name": "Gratis" } });
        let answer = app.gql(Some(&admin.token), UPDATE_PLAN, rename_free).await;
        assert_eq!(answer.field(), Some("name"), "{}", answer.body);
        // A retired plan is listed only for administrators who ask.
        app.gql(
            Some(&admin.token),
            UPDATE_PLAN,
            json!({ "id": created["id"], "i": { "isActive": false } }),
        )
        .await
        .ok();
        assert!(
            !plan_names(app, owner, false)
                .await
                .contains(&"Team".to_owned())
        );
        assert!(
            plan_names(app, admin, true)
                .await
                .contains(&"Team".to_owned())
        );

        // An invoiced customer is put on a plan by hand; its limits follow.
        let set = app
            .gql(
                Some(&admin.token),
                SET_ORG_PLAN,
                json!({ "o": c.org, "p": created["id"] }),
            )
            .await
            .ok();
        assert_eq!(
            set["setOrganizationPlan"]["plan"],
            json!({ "name": "Team", "limits": { "tier": "PRO", "maxMonitors": 250 } })
        );
        let limits = vigil::plan::limits(app.db(), uuid(&c.org))
            .await
            .expect("limits");
        assert_eq!(
            limits.max_monitors, 250,
            "[{backend}] the limits read Team's link"
        );
        assert_eq!(audit_count(app, "billing.organization_plan.set").await, 1);
        app.gql(
            Some(&admin.token),
            SET_ORG_PLAN,
            json!({ "o": uuid::Uuid::new_v4().to_string(), "p": created["id"] }),
        )
        .await
        .expect_code("NOT_FOUND");
        c.app.stop().await;
    }
}

async fn plan_names(app: &TestApp, user: &TestUser, all: bool) -> Vec<String> {
    let plans = app
        .gql(Some(&user.token), PLANS, json!({ "all": all }))
        .await
        .ok();
    plans["plans"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|p| p["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_stripe_checkout_carries_the_organization_and_the_price() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let (app, owner) = (&c.app, &c.owner);
        let url = app
            .gql(
                Some(&owner.token),
                STRIPE_CHECKOUT,
                json!({ "o": c.org, "p": c.pro }),
            )
            .await
            .ok()["createCheckoutSession"]
            .clone();
        assert_eq!(url, "https://checkout.stripe.com/c/pay/cs_test_vigil0001");
        let sent = c.stripe.requests();
        assert_eq!(sent.len(), 1, "[{backend}]");
        let form = &sent[0];
        assert_eq!(form.path, "/v1/checkout/sessions");
        for (key, value) in [
            ("mode", "subscription"),
            ("client_reference_id", c.org.as_str()),
            ("line_items[0][price]", PRO_PRICE),
            ("line_items[0][quantity]", "1"),
            ("metadata[organizationId]", c.org.as_str()),
            ("metadata[planId]", c.pro.as_str()),
            (
                "subscription_data[metadata][organizationId]",
                c.org.as_str(),
            ),
            ("customer_email", "owner@example.com"),
        ] {
            assert_eq!(
                form.form_value(key).as_deref(),
                Some(value),
                "{key}: {form:?}"
            );
        }
        let success = form.form_value("success_url").unwrap_or_default();
        assert!(
            success.ends_with(&format!(
                "/organizations/{}/billing?checkout=success&session_id={{CHECKOUT_SESSION_ID}}",
                c.org
            )),
            "{success}"
        );

        // Only owners and admins of the organization; another tenant's is not there.
        let viewer = app
            .member(
                owner,
                &c.org,
                &c.project,
                "viewer@example.com",
                "PROJECT_VIEWER",
            )
            .await;
        app.gql(
            Some(&viewer.token),
            STRIPE_CHECKOUT,
            json!({ "o": c.org, "p": c.pro }),
        )
        .await
        .expect_code("FORBIDDEN");
        let outsider = app.sign_up("outsider@example.com").await;
        app.gql(
            Some(&outsider.token),
            STRIPE_CHECKOUT,
            json!({ "o": c.org, "p": c.pro }),
        )
        .await
        .expect_code("NOT_FOUND");
        let free = plan_id(app, owner, "free").await;
        let answer = app
            .gql(
                Some(&owner.token),
                STRIPE_CHECKOUT,
                json!({ "o": c.org, "p": free }),
            )
            .await;
        answer.expect_code("BAD_USER_INPUT");
        assert_eq!(answer.field(), Some("planId"));
        app.gql(
            Some(&owner.token),
            STRIPE_CHECKOUT,
            json!({ "o": c.org, "p": uuid::Uuid::new_v4().to_string() }),
        )
        .await
        .expect_code("NOT_FOUND");
        let answer = app
            .gql(
                Some(&owner.token),
                STRIPE_CHECKOUT,
                json!({ "o": "nope", "p": c.pro }),
            )
            .await;
        assert_eq!(answer.field(), Some("organizationId"));
        // No customer yet: no portal.
        app.gql(Some(&owner.token), STRIPE_PORTAL, json!({ "o": c.org }))
            .await
            .expect_code("CONFLICT");
        assert_eq!(
            c.stripe.requests().len(),
            1,
            "[{backend}] refused calls send nothing"
        );
        c.app.stop().await;
    }
}

#[tokio::test]
async fn once_subscribed_the_stripe_portal_opens_and_a_second_checkout_is_refused() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let (app, owner) = (&c.app, &c.owner);
        let payload = stripe_event(
            "evt_checkout",
            "checkout.session.completed",
            now(),
            stripe_checkout(&c.org, &c.pro, "cus_vigilAcme", "sub_vigilAcme"),
        );
        assert_eq!(outcome(&deliver_stripe(app, &payload).await), "applied");
        let portal = app
            .gql(Some(&owner.token), STRIPE_PORTAL, json!({ "o": c.org }))
            .await
            .ok();
        assert_eq!(
            portal["createBillingPortalSession"],
            "https://billing.stripe.com/p/session/test_vigil0001"
        );
        let sent = c.stripe.requests();
        let portal_form = sent.last().expect("the portal request");
        assert_eq!(portal_form.path, "/v1/billing_portal/sessions");
        assert_eq!(
            portal_form.form_value("customer").as_deref(),
            Some("cus_vigilAcme")
        );
        assert!(
            portal_form
                .form_value("return_url")
                .is_some_and(|u| u.ends_with(&format!("/organizations/{}/billing", c.org)))
        );
        app.gql(
            Some(&owner.token),
            STRIPE_CHECKOUT,
            json!({ "o": c.org, "p": c.pro }),
        )
        .await
        .expect_code("CONFLICT");
        c.app.stop().await;
    }
}

#[tokio::test]
async fn the_stripe_journey_goes_from_free_to_paid_to_grace_and_back_to_free() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let (app, owner) = (&c.app, &c.owner);
        let base = now() - 1_000;
        let period_end = now() + 20 * 86_400;
        let sub = |status, cancel| {
            stripe_subscription(&StripeSub {
                id: "sub_vigilJourney",
                customer: "cus_vigilJourney",
                price: PRO_PRICE,
                status,
                org: Some(&c.org),
                cancel_at_period_end: cancel,
                period_end,
            })
        };
        let invoice = stripe_invoice("cus_vigilJourney", "sub_vigilJourney", Some(&c.org));
        let deliver = |id: &'static str, kind: &'static str, offset: i64, object: Value| {
            let payload = stripe_event(id, kind, base + offset, object);
            async move { outcome(&deliver_stripe(app, &payload).await) }
        };

        let checkout = stripe_checkout(&c.org, &c.pro, "cus_vigilJourney", "sub_vigilJourney");
        assert_eq!(
            deliver("evt_1", "checkout.session.completed", 0, checkout).await,
            "applied"
        );
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["plan"]["name"], "pro", "[{backend}] {org}");
        assert_eq!(org["plan"]["limits"]["maxMonitors"], 250);
        assert_eq!(org["subscription"]["status"], "ACTIVE");
        assert_eq!(org["subscription"]["provider"], "STRIPE");

        let created = sub("active", false);
        assert_eq!(
            deliver("evt_2", "customer.subscription.created", 1, created).await,
            "applied"
        );
        let org = billing(app, owner, &c.org).await;
        let expected_end = chrono::DateTime::from_timestamp(period_end, 0)
            .map(|t| t.to_rfc3339())
            .unwrap_or_default();
        assert_eq!(
            org["subscription"]["currentPeriodEnd"]
                .as_str()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .map(|t| t.to_utc().to_rfc3339()),
            Some(expected_end)
        );

        let cancelling = sub("active", true);
        assert_eq!(
            deliver("evt_3", "customer.subscription.updated", 2, cancelling).await,
            "applied"
        );
        assert_eq!(
            billing(app, owner, &c.org).await["subscription"]["cancelAtPeriodEnd"],
            true
        );

        // A failed payment keeps the plan for the grace period, then falls back to free.
        assert_eq!(
            deliver("evt_4", "invoice.payment_failed", 3, invoice.clone()).await,
            "applied"
        );
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["subscription"]["status"], "PAST_DUE");
        assert_eq!(
            org["plan"]["name"], "pro",
            "[{backend}] kept in the grace period"
        );
        // The grace period ends 7 days (the default setting) after the failure.
        let since = org["subscription"]["pastDueSince"]
            .as_str()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .expect("pastDueSince");
        let ends = org["subscription"]["graceEndsAt"]
            .as_str()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .expect("graceEndsAt");
        assert_eq!(ends - since, Duration::days(7), "[{backend}] {org}");
        let step =
            |days| vigil::billing::upkeep::run_once(app.state(), Utc::now() + Duration::days(days));
        assert_eq!(step(6).await.expect("upkeep").lapsed, 0);
        assert_eq!(billing(app, owner, &c.org).await["plan"]["name"], "pro");
        assert_eq!(step(8).await.expect("upkeep").lapsed, 1);
        assert_eq!(billing(app, owner, &c.org).await["plan"]["name"], "free");
        assert_eq!(step(9).await.expect("upkeep").lapsed, 0, "once");
        assert_eq!(audit_count(app, "billing.plan.lapse").await, 1);

        // A recovered payment restores it; deleting the subscription downgrades for good.
        assert_eq!(
            deliver("evt_5", "invoice.paid", 4, invoice).await,
            "applied"
        );
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["plan"]["name"], "pro", "[{backend}] {org}");
        assert_eq!(org["subscription"]["status"], "ACTIVE");
        assert_eq!(org["subscription"]["pastDueSince"], Value::Null);
        assert_eq!(org["subscription"]["graceEndsAt"], Value::Null);
        let deleted = sub("canceled", false);
        assert_eq!(
            deliver("evt_6", "customer.subscription.deleted", 5, deleted).await,
            "applied"
        );
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["plan"]["name"], "free", "[{backend}] {org}");
        assert_eq!(org["plan"]["limits"]["maxMonitors"], 10);
        assert_eq!(org["subscription"]["status"], "CANCELLED");
        assert_eq!(audit_count(app, "billing.subscription.update").await, 6);
        let stored = organization::Entity::find_by_id(uuid(&c.org))
            .one(app.db())
            .await
            .expect("the organization")
            .expect("a row");
        assert_eq!(stored.subscription_status.as_deref(), Some("CANCELLED"));
        assert_eq!(stored.subscription_id.as_deref(), Some("sub_vigilJourney"));
        c.app.stop().await;
    }
}

#[tokio::test]
async fn the_polar_journey_goes_from_free_to_paid_to_grace_and_back_to_free() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let (app, owner) = (&c.app, &c.owner);
        let url = app
            .gql(
                Some(&owner.token),
                POLAR_CHECKOUT,
                json!({ "o": c.org, "p": c.pro }),
            )
            .await
            .ok()["createPolarCheckout"]
            .clone();
        assert_eq!(url, "https://buy.polar.sh/polar_c_vigil0001");
        let sent = c.polar.requests();
        assert_eq!(sent.len(), 1, "[{backend}]");
        assert_eq!(sent[0].path, "/v1/checkouts/");
        let body = sent[0].json();
        assert_eq!(body["products"], json!([PRO_PRODUCT]));
        assert_eq!(body["metadata"]["organizationId"], c.org);
        assert_eq!(body["external_customer_id"], c.org);
        assert!(
            body["success_url"]
                .as_str()
                .is_some_and(|u| u.contains(&format!("/organizations/{}/billing", c.org)))
        );

        let base = Utc::now() - Duration::hours(1);
        let sub = |status, cancel| {
            polar_subscription(&PolarSub {
                id: "0d6f2b8e-4a1c-4e3b-9f5d-7a9c1e3b5d70",
                customer: "8a2c4e6f-0b1d-4f3a-8c5e-9d7b5a3c1e2f",
                product: PRO_PRODUCT,
                status,
                org: &c.org,
                cancel_at_period_end: cancel,
            })
        };
        let deliver = |id: &'static str, kind: &'static str, offset: i64, data: Value| {
            let body = polar_event(kind, &at(base, offset), data);
            async move { outcome(&deliver_polar(app, id, &body).await) }
        };

        // Not paid yet: recorded, nothing granted.
        assert_eq!(
            deliver("msg_1", "subscription.created", 0, sub("incomplete", false)).await,
            "applied"
        );
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["plan"]["name"], "free", "[{backend}] {org}");
        assert_eq!(org["subscription"]["status"], "INACTIVE");
        assert_eq!(
            deliver("msg_2", "subscription.active", 1, sub("active", false)).await,
            "applied"
        );
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["plan"]["name"], "pro", "[{backend}] {org}");
        assert_eq!(org["subscription"]["provider"], "POLAR");

        // The portal of the organization's Polar customer.
        let portal = app
            .gql(Some(&owner.token), POLAR_PORTAL, json!({ "o": c.org }))
            .await
            .ok();
        assert!(
            portal["createPolarPortalSession"]
                .as_str()
                .is_some_and(|u| u.starts_with("https://polar.sh/vigil/portal")),
            "{portal}"
        );
        let sent = c.polar.requests();
        assert_eq!(sent[1].path, "/v1/customer-sessions/");
        assert_eq!(
            sent[1].json()["customer_id"],
            "8a2c4e6f-0b1d-4f3a-8c5e-9d7b5a3c1e2f"
        );

        assert_eq!(
            deliver("msg_3", "subscription.past_due", 2, sub("past_due", false)).await,
            "applied"
        );
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["subscription"]["status"], "PAST_DUE");
        assert_eq!(
            org["plan"]["name"], "pro",
            "[{backend}] kept in the grace period"
        );
        let order = polar_order(
            "0d6f2b8e-4a1c-4e3b-9f5d-7a9c1e3b5d70",
            "8a2c4e6f-0b1d-4f3a-8c5e-9d7b5a3c1e2f",
            PRO_PRODUCT,
            &c.org,
        );
        assert_eq!(deliver("msg_4", "order.paid", 3, order).await, "applied");
        assert_eq!(
            billing(app, owner, &c.org).await["subscription"]["status"],
            "ACTIVE"
        );
        assert_eq!(
            deliver("msg_5", "subscription.canceled", 4, sub("active", true)).await,
            "applied"
        );
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["subscription"]["cancelAtPeriodEnd"], true);
        assert_eq!(
            org["plan"]["name"], "pro",
            "[{backend}] until the period ends"
        );
        assert_eq!(
            deliver("msg_6", "subscription.revoked", 5, sub("canceled", true)).await,
            "applied"
        );
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["plan"]["name"], "free", "[{backend}] {org}");
        assert_eq!(org["subscription"]["status"], "CANCELLED");
        assert_eq!(audit_count(app, "billing.subscription.update").await, 6);
        c.app.stop().await;
    }
}

/// A checkout-completed event about the test organization.
fn stripe_checkout_payload(c: &Cloud, id: &str, created: i64) -> String {
    stripe_event(
        id,
        "checkout.session.completed",
        created,
        stripe_checkout(&c.org, &c.pro, "cus_vigilForged", "sub_vigilForged"),
    )
}

#[tokio::test]
async fn forged_stale_and_malformed_deliveries_are_refused_and_change_nothing() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        let before = rows(app).await;
        let payload = stripe_checkout_payload(&c, "evt_forged", now());
        let tampered = payload.replace(&c.pro, &uuid::Uuid::new_v4().to_string());
        let mut answers = vec![
            post_stripe(
                app,
                &tampered,
                Some(&stripe_signature(&payload, STRIPE_WEBHOOK_SECRET, now())),
            )
            .await,
            post_stripe(
                app,
                &payload,
                Some(&stripe_signature(&payload, "whsec_wrong", now())),
            )
            .await,
            post_stripe(
                app,
                &payload,
                Some(&stripe_signature(
                    &payload,
                    STRIPE_WEBHOOK_SECRET,
                    now() - 600,
                )),
            )
            .await,
            post_stripe(
                app,
                &payload,
                Some(&stripe_signature(
                    &payload,
                    STRIPE_WEBHOOK_SECRET,
                    now() + 600,
                )),
            )
            .await,
            post_stripe(app, &payload, None).await,
            post_stripe(app, &payload, Some("t=1,v1=00")).await,
        ];
        for malformed in [r#"{"id":"evt_x"}"#, "not json at all", "[]"] {
            let signature = stripe_signature(malformed, STRIPE_WEBHOOK_SECRET, now());
            answers.push(post_stripe(app, malformed, Some(&signature)).await);
        }

        let body = polar_event(
            "subscription.active",
            &Utc::now().to_rfc3339(),
            polar_subscription(&PolarSub {
                id: "0d6f2b8e-4a1c-4e3b-9f5d-7a9c1e3b5d71",
                customer: "8a2c4e6f-0b1d-4f3a-8c5e-9d7b5a3c1e20",
                product: PRO_PRODUCT,
                status: "active",
                org: &c.org,
                cancel_at_period_end: false,
            }),
        );
        let t = now();
        let good = standard_signature(POLAR_WEBHOOK_SECRET, "msg_forged", t, &body);
        let tampered = body.replace("active", "trialing");
        let wrong = standard_signature("whsec_d3JvbmctcG9sYXItc2VjcmV0", "msg_forged", t, &body);
        let stale = standard_signature(POLAR_WEBHOOK_SECRET, "msg_forged", t - 600, &body);
        let other_id = standard_signature(POLAR_WEBHOOK_SECRET, "msg_other", t, &body);
        answers.extend([
            post_polar(app, &tampered, Some("msg_forged"), Some(t), Some(&good)).await,
            post_polar(app, &body, Some("msg_forged"), Some(t), Some(&wrong)).await,
            post_polar(app, &body, Some("msg_forged"), Some(t - 600), Some(&stale)).await,
            post_polar(app, &body, Some("msg_forged"), Some(t), Some(&other_id)).await,
            post_polar(app, &body, None, Some(t), Some(&good)).await,
            post_polar(app, &body, Some("msg_forged"), None, Some(&good)).await,
            post_polar(app, &body, Some("msg_forged"), Some(t), None).await,
        ]);
        for malformed in ["not json", r#"{"type":"subscription.active","data":{}}"#] {
            let signature = standard_signature(POLAR_WEBHOOK_SECRET, "msg_bad", t, malformed);
            answers
                .push(post_polar(app, malformed, Some("msg_bad"), Some(t), Some(&signature)).await);
        }

        for (i, (status, text)) in answers.iter().enumerate() {
            assert_eq!(
                *status, 400,
                "[{backend}] delivery {i} was not refused: {text}"
            );
            assert_no_secret("a refusal", text);
            assert!(
                !text.contains(&good),
                "a refusal shows the expected signature"
            );
        }
        let stale_answer = &answers[2].1;
        assert!(stale_answer.contains("tolerance"), "{stale_answer}");
        assert_eq!(
            rows(app).await,
            before,
            "[{backend}] a refused delivery wrote something"
        );
        c.app.stop().await;
    }
}

#[tokio::test]
async fn stripe_replays_late_events_and_strangers_are_recorded_without_effect() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let (app, owner) = (&c.app, &c.owner);
        let base = now() - 500;
        let active = stripe_event(
            "evt_new",
            "customer.subscription.updated",
            base + 100,
            stripe_subscription(&StripeSub {
                id: "sub_vigilOrder",
                customer: "cus_vigilOrder",
                price: PRO_PRICE,
                status: "active",
                org: Some(&c.org),
                cancel_at_period_end: false,
                period_end: now() + 86_400,
            }),
        );
        assert_eq!(outcome(&deliver_stripe(app, &active).await), "applied");
        let after_first = rows(app).await;
        // The same event again (a provider's retry, or an attacker's replay of a captured one,
        // signed anew): answered, nothing changed.
        assert_eq!(outcome(&deliver_stripe(app, &active).await), "duplicate");
        assert_eq!(
            rows(app).await,
            after_first,
            "[{backend}] a replay changed something"
        );

        // An older event arriving late changes nothing, and is recorded as skipped.
        let late = stripe_event(
            "evt_old",
            "customer.subscription.updated",
            base + 50,
            stripe_subscription(&StripeSub {
                id: "sub_vigilOrder",
                customer: "cus_vigilOrder",
                price: PRO_PRICE,
                status: "past_due",
                org: Some(&c.org),
                cancel_at_period_end: true,
                period_end: now() + 86_400,
            }),
        );
        assert_eq!(outcome(&deliver_stripe(app, &late).await), "skipped");
        let org = billing(app, owner, &c.org).await;
        assert_eq!(org["subscription"]["status"], "ACTIVE", "[{backend}] {org}");
        assert_eq!(org["subscription"]["cancelAtPeriodEnd"], false);
        let recorded = webhook_idempotency::Entity::find()
            .filter(webhook_idempotency::Column::WebhookId.eq("evt_old"))
            .one(app.db())
            .await
            .expect("reading")
            .expect("the late event is recorded");
        assert_eq!(
            recorded.result_status,
            Some(webhook_idempotency::WebhookResultStatus::Skipped)
        );

        // An event about no organization Vigil knows: 200 (no retry loop), recorded, no row.
        let stranger = stripe_event(
            "evt_stranger",
            "customer.subscription.created",
            base + 200,
            stripe_subscription(&StripeSub {
                id: "sub_vigilStranger",
                customer: "cus_vigilStranger",
                price: PRO_PRICE,
                status: "active",
                org: None,
                cancel_at_period_end: false,
                period_end: now() + 86_400,
            }),
        );
        assert_eq!(outcome(&deliver_stripe(app, &stranger).await), "skipped");
        assert_eq!(app.count("subscriptions").await, 1);
        assert_eq!(app.count("webhook_idempotency").await, 3);
        c.app.stop().await;
    }
}

#[tokio::test]
async fn polar_redeliveries_and_late_events_are_recorded_without_effect() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let (app, owner) = (&c.app, &c.owner);
        let polar_body = |status, at_secs| {
            polar_event(
                "subscription.updated",
                &(Utc::now() - Duration::seconds(at_secs)).to_rfc3339(),
                polar_subscription(&PolarSub {
                    id: "0d6f2b8e-4a1c-4e3b-9f5d-7a9c1e3b5d72",
                    customer: "8a2c4e6f-0b1d-4f3a-8c5e-9d7b5a3c1e21",
                    product: PRO_PRODUCT,
                    status,
                    org: &c.org,
                    cancel_at_period_end: false,
                }),
            )
        };
        let newer = polar_body("active", 10);
        assert_eq!(
            outcome(&deliver_polar(app, "msg_newer", &newer).await),
            "applied"
        );
        let settled = rows(app).await;
        assert_eq!(
            outcome(&deliver_polar(app, "msg_newer", &newer).await),
            "duplicate"
        );
        assert_eq!(
            rows(app).await,
            settled,
            "[{backend}] a Polar replay changed something"
        );
        let older = polar_body("past_due", 60);
        assert_eq!(
            outcome(&deliver_polar(app, "msg_older", &older).await),
            "skipped"
        );
        assert_eq!(
            billing(app, owner, &c.org).await["subscription"]["status"],
            "ACTIVE"
        );
        c.app.stop().await;
    }
}

#[tokio::test]
async fn fifty_concurrent_duplicates_of_one_event_have_exactly_one_effect() {
    for backend in backends() {
        let c = cloud(&backend).await;
        let app = &c.app;
        let payload = stripe_checkout_payload(&c, "evt_storm", now());
        let signature = stripe_signature(&payload, STRIPE_WEBHOOK_SECRET, now());
        let sends = (0..50).map(|_| post_stripe(app, &payload, Some(&signature)));
        let answers = futures_util::future::join_all(sends).await;
        let outcomes: Vec<String> = answers.iter().map(outcome).collect();
        assert_eq!(
            outcomes.iter().filter(|o| *o == "applied").count(),
            1,
            "[{backend}] {outcomes:?}"
        );
        assert_eq!(outcomes.iter().filter(|o| *o == "duplicate").count(), 49);
        assert_eq!(app.count("webhook_idempotency").await, 1);
        assert_eq!(app.count("subscriptions").await, 1);
        assert_eq!(audit_count(app, "billing.subscription.update").await, 1);

        // And through Polar, for another organization.
        let other = app.sign_up("polar@example.com").await;
        let (org, _) = app.create_org(&other, "Polaris").await;
        let body = polar_event(
            "subscription.active",
            &Utc::now().to_rfc3339(),
            polar_subscription(&PolarSub {
                id: "0d6f2b8e-4a1c-4e3b-9f5d-7a9c1e3b5d73",
                customer: "8a2c4e6f-0b1d-4f3a-8c5e-9d7b5a3c1e22",
                product: PRO_PRODUCT,
                status: "active",
                org: &org,
                cancel_at_period_end: false,
            }),
        );
        let t = now();
        let signature = standard_signature(POLAR_WEBHOOK_SECRET, "msg_storm", t, &body);
        let sends =
            (0..50).map(|_| post_polar(app, &body, Some("msg_storm"), Some(t), Some(&signature)));
        let answers = futures_util::future::join_all(sends).await;
        let outcomes: Vec<String> = answers.iter().map(outcome).collect();
        assert_eq!(
            outcomes.iter().filter(|o| *o == "applied").count(),
            1,
            "[{backend}] {outcomes:?}"
        );
        assert_eq!(app.count("webhook_idempotency").await, 2);
        assert_eq!(app.count("subscriptions").await, 2);
        assert_eq!(audit_count(app, "billing.subscription.update").await, 2);
        assert_eq!(billing(app, &other, &org).await["plan"]["name"], "pro");
        c.app.stop().await;
    }
}

#[tokio::test]
async fn self_hosted_instances_bill_nothing() {
    for backend in backends() {
        let stripe = StandIn::stripe().await;
        let polar = StandIn::polar().await;
        let app = TestApp::spawn_with(&backend, |s| configure(s, &stripe, &polar)).await;
        let owner = app.sign_up("owner@example.com").await;
        let (org, _) = app.create_org(&owner, "Home").await;
        // Anyone may ask how the server is operated.
        let info = app
            .gql(None, "{ serverInfo { mode billingEnabled } }", json!({}))
            .await
            .ok();
        assert_eq!(
            info["serverInfo"],
            json!({ "mode": "SELF_HOSTED", "billingEnabled": false })
        );
        let pro = plan_id(&app, &owner, "pro").await;
        assert_eq!(
            billing(&app, &owner, &org).await["plan"]["name"],
            "unlimited"
        );
        let payload = stripe_event(
            "evt_home",
            "checkout.session.completed",
            now(),
            stripe_checkout(&org, &pro, "cus_home", "sub_home"),
        );
        assert_eq!(deliver_stripe(&app, &payload).await.0, 404, "[{backend}]");
        assert_eq!(deliver_polar(&app, "msg_home", "{}").await.0, 404);
        for mutation in [STRIPE_CHECKOUT, POLAR_CHECKOUT] {
            let answer = app
                .gql(Some(&owner.token), mutation, json!({ "o": org, "p": pro }))
                .await;
            answer.expect_code("BAD_USER_INPUT");
            assert!(answer.message().contains("self-hosted"), "{}", answer.body);
        }
        for mutation in [STRIPE_PORTAL, POLAR_PORTAL] {
            app.gql(Some(&owner.token), mutation, json!({ "o": org }))
                .await
                .expect_code("BAD_USER_INPUT");
        }
        assert!(stripe.requests().is_empty() && polar.requests().is_empty());
        assert_eq!(app.count("webhook_idempotency").await, 0);
        app.stop().await;
    }
}

#[test]
fn the_tests_standard_webhooks_signer_matches_the_specifications_test_vector() {
    // The vector of the reference libraries (standard-webhooks/standard-webhooks).
    assert_eq!(
        standard_signature(
            "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
            "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
            1_649_367_553,
            r#"{"email":"test@example.com","username":"test_user"}"#,
        ),
        "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw="
    );
}

/// Start-up with `env` is refused; the message it prints.
fn refused(env: &[(&str, &str)]) -> String {
    let dir = vigil_tests::temp_dir("billing-settings");
    let mut cmd = vigil_tests::served::vigil_command(&dir);
    cmd.arg("serve").env("VIGIL_BIND", "127.0.0.1:1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("running vigil");
    assert!(!out.status.success(), "vigil accepted {env:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn billing_settings_come_from_the_environment_and_bad_ones_are_named_not_shown() {
    let secret = "whsec_not base64 but secret-ish";
    let message = refused(&[("VIGIL_BILLING_POLAR_WEBHOOK_SECRET", secret)]);
    assert!(
        message.contains("billing.polar_webhook_secret"),
        "{message}"
    );
    assert!(!message.contains(secret), "{message}");
    let message = refused(&[("VIGIL_BILLING_STRIPE_WEBHOOK_SECRET", " ")]);
    assert!(
        message.contains("billing.stripe_webhook_secret"),
        "{message}"
    );
    let message = refused(&[("VIGIL_BILLING_PAST_DUE_GRACE_DAYS", "365")]);
    assert!(message.contains("billing.past_due_grace_days"), "{message}");
    let message = refused(&[("VIGIL_BILLING_STRIPE_API_BASE", "ftp://stripe.example")]);
    assert!(message.contains("billing.stripe_api_base"), "{message}");
}

/// Statements one read of every organization's plan and subscription costs.
async fn organizations_read_cost(app: &TestApp, user: &TestUser) -> u64 {
    let before = app.statements();
    let read = app
        .gql(
            Some(&user.token),
            "{ organizations(first: 50) { nodes { plan { name limits { tier } } subscription { status } } } }",
            json!({}),
        )
        .await
        .ok();
    assert!(read["organizations"]["nodes"][0]["plan"]["name"].is_string());
    app.statements() - before
}

#[tokio::test]
async fn organizations_plans_and_subscriptions_load_in_a_statement_per_level() {
    for backend in backends() {
        // Self-hosted, where a user may have any number of organizations.
        let app = TestApp::spawn(&backend).await;
        let owner = app.sign_up("owner@example.com").await;
        for i in 0..2 {
            app.create_org(&owner, &format!("Few {i}")).await;
        }
        let few = organizations_read_cost(&app, &owner).await;
        for i in 0..10 {
            app.create_org(&owner, &format!("Many {i}")).await;
        }
        let many = organizations_read_cost(&app, &owner).await;
        // A dataloader batch split by a busy machine costs one more statement per loader.
        assert!(
            many <= few + 3,
            "[{backend}] statements grew with the organizations: {few} for 2, {many} for 12"
        );
        app.stop().await;
    }
}
