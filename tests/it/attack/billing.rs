//! Billing: the webhook endpoints take input from anyone on the internet, and the checkout
//! mutations call the providers with the operator's keys. An oversized body is refused before
//! it is read, an overlong delivery id is refused, no answer (a refusal, a provider's failure, a
//! GraphQL read) shows a secret or a provider's customer and subscription ids, and an
//! organization's billing links stay with its owners and admins.

use serde_json::{Value, json};
use vigil_tests::billing::{
    POLAR_WEBHOOK_SECRET, SECRETS, StandIn, StripeSub, configure, deliver_stripe, now, post_polar,
    post_stripe, standard_signature, stripe_event, stripe_subscription,
};
use vigil_tests::{Backend, TestApp, backends};

const PLANS: &str = "{ plans { id name stripePriceId } }";
const ORG_BILLING: &str = "query($id: ID!) { organization(id: $id) { plan { name } subscription { status provider cancelAtPeriodEnd currentPeriodEnd pastDueSince } } }";

fn assert_clean(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} shows a secret: {text}");
    }
}

async fn cloud(backend: &Backend, stripe: &StandIn, polar: &StandIn) -> TestApp {
    TestApp::spawn_with(backend, |s| {
        s.mode = vigil::config::Mode::Cloud;
        configure(s, stripe, polar);
    })
    .await
}

#[tokio::test]
async fn oversized_and_overlong_deliveries_are_refused_and_write_nothing() {
    for backend in backends() {
        let (stripe, polar) = (StandIn::stripe().await, StandIn::polar().await);
        let app = cloud(&backend, &stripe, &polar).await;
        let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(2 * 1024 * 1024));
        let signature = vigil_tests::billing::stripe_signature(
            &huge,
            vigil_tests::billing::STRIPE_WEBHOOK_SECRET,
            now(),
        );
        let (status, text) = post_stripe(&app, &huge, Some(&signature)).await;
        assert_eq!(status, 413, "[{backend}] {text}");
        let t = now();
        let signature = standard_signature(POLAR_WEBHOOK_SECRET, "msg_huge", t, &huge);
        let (status, _) =
            post_polar(&app, &huge, Some("msg_huge"), Some(t), Some(&signature)).await;
        assert_eq!(status, 413, "[{backend}]");
        // A delivery id longer than any provider's, correctly signed: refused.
        let long_id = "m".repeat(300);
        let body = r#"{"type":"order.created","timestamp":"2026-12-07T00:00:00Z","data":{}}"#;
        let signature = standard_signature(POLAR_WEBHOOK_SECRET, &long_id, t, body);
        let (status, text) =
            post_polar(&app, body, Some(&long_id), Some(t), Some(&signature)).await;
        assert_eq!(status, 400, "[{backend}] {text}");
        assert_eq!(app.count("webhook_idempotency").await, 0);
        assert_eq!(app.count("subscriptions").await, 0);
        app.stop().await;
    }
}

#[tokio::test]
async fn no_answer_shows_a_secret_or_a_providers_ids() {
    for backend in backends() {
        let (stripe, polar) = (StandIn::stripe().await, StandIn::polar().await);
        let app = cloud(&backend, &stripe, &polar).await;
        let admin = app.sign_up("root@example.com").await;
        let owner = app.sign_up("owner@example.com").await;
        let (org, _) = app.create_org(&owner, "Acme").await;
        let plans = app.gql(Some(&owner.token), PLANS, json!({})).await.ok();
        let pro = plans["plans"]
            .as_array()
            .and_then(|all| all.iter().find(|p| p["name"] == "pro"))
            .map(|p| p["id"].clone())
            .unwrap_or(Value::Null);
        app.gql(
            Some(&admin.token),
            "mutation($id: ID!) { updatePlan(id: $id, input: { stripePriceId: \"price_vigilPro\" }) { id } }",
            json!({ "id": pro }),
        )
        .await
        .ok();
        let payload = stripe_event(
            "evt_secret",
            "customer.subscription.created",
            now(),
            stripe_subscription(&StripeSub {
                id: "sub_vigilHidden",
                customer: "cus_vigilHidden",
                price: "price_vigilPro",
                status: "active",
                org: Some(&org),
                cancel_at_period_end: false,
                period_end: now() + 86_400,
            }),
        );
        let (status, text) = deliver_stripe(&app, &payload).await;
        assert_eq!(status, 200, "[{backend}] {text}");
        assert_clean("a webhook answer", &text);
        let read = app
            .gql(Some(&owner.token), ORG_BILLING, json!({ "id": org }))
            .await;
        let read = read.body.to_string();
        assert_clean("organization { subscription }", &read);
        for id in ["sub_vigilHidden", "cus_vigilHidden"] {
            assert!(
                !read.contains(id),
                "a provider's id reached the API: {read}"
            );
        }
        assert!(read.contains("ACTIVE"), "{read}");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_provider_refusing_the_operators_key_answers_internal_without_the_key() {
    for backend in backends() {
        let (stripe, polar) = (StandIn::stripe().await, StandIn::polar().await);
        // Keys the stand-ins refuse, as the real APIs refuse a revoked key.
        let app = TestApp::spawn_with(&backend, |s| {
            s.mode = vigil::config::Mode::Cloud;
            configure(s, &stripe, &polar);
            s.billing.stripe_secret_key = Some("sk_test_revokedKey0123456789".into());
            s.billing.polar_access_token = Some("polar_oat_revokedToken0123456789".into());
        })
        .await;
        let admin = app.sign_up("root@example.com").await;
        let owner = app.sign_up("owner@example.com").await;
        let (org, _) = app.create_org(&owner, "Acme").await;
        let plans = app.gql(Some(&owner.token), PLANS, json!({})).await.ok();
        let pro = plans["plans"]
            .as_array()
            .and_then(|all| all.iter().find(|p| p["name"] == "pro"))
            .map(|p| p["id"].clone())
            .unwrap_or(Value::Null);
        app.gql(
            Some(&admin.token),
            "mutation($id: ID!) { updatePlan(id: $id, input: { stripePriceId: \"price_vigilPro\", polarProductId: \"5e0c8a4b-2d6f-4b1a-9c3e-7f8a0b2c4d6e\" }) { id } }",
            json!({ "id": pro }),
        )
        .await
        .ok();
        for mutation in [
            "mutation($o: ID!, $p: ID!) { createCheckoutSession(organizationId: $o, planId: $p) }",
            "mutation($o: ID!, $p: ID!) { createPolarCheckout(organizationId: $o, planId: $p) }",
        ] {
            let answer = app
                .gql(Some(&owner.token), mutation, json!({ "o": org, "p": pro }))
                .await;
            answer.expect_code("INTERNAL");
            let text = answer.body.to_string();
            assert_eq!(answer.message(), "internal error", "{text}");
            for key in [
                "sk_test_revokedKey0123456789",
                "polar_oat_revokedToken0123456789",
                "****",
            ] {
                assert!(!text.contains(key), "[{backend}] {text}");
            }
        }
        assert_eq!(stripe.requests().len(), 1);
        assert_eq!(polar.requests().len(), 1);
        assert_eq!(app.count("subscriptions").await, 0);
        app.stop().await;
    }
}

#[tokio::test]
async fn billing_links_stay_with_the_organizations_owners_and_admins() {
    for backend in backends() {
        let (stripe, polar) = (StandIn::stripe().await, StandIn::polar().await);
        let app = cloud(&backend, &stripe, &polar).await;
        let _admin = app.sign_up("root@example.com").await;
        let victim = app.sign_up("victim@example.com").await;
        let (victim_org, victim_project) = app.create_org(&victim, "Victim").await;
        let attacker = app.sign_up("attacker@example.com").await;
        let (attacker_org, _) = app.create_org(&attacker, "Attacker").await;
        let editor = app
            .member(
                &victim,
                &victim_org,
                &victim_project,
                "editor@example.com",
                "PROJECT_EDITOR",
            )
            .await;
        for mutation in [
            "mutation($o: ID!) { createBillingPortalSession(organizationId: $o) }",
            "mutation($o: ID!) { createPolarPortalSession(organizationId: $o) }",
        ] {
            app.gql(Some(&attacker.token), mutation, json!({ "o": victim_org }))
                .await
                .expect_code("NOT_FOUND");
            app.gql(Some(&editor.token), mutation, json!({ "o": victim_org }))
                .await
                .expect_code("FORBIDDEN");
            // The attacker's own organization has no customer yet: nothing is asked of the
            // providers either.
            app.gql(
                Some(&attacker.token),
                mutation,
                json!({ "o": attacker_org }),
            )
            .await
            .expect_code("CONFLICT");
        }
        assert!(stripe.requests().is_empty() && polar.requests().is_empty());
        app.stop().await;
    }
}

const UPDATE_SETTINGS: &str = "mutation($o: ID!, $i: UpdateBillingSettingsInput!) { updateBillingSettings(organizationId: $o, input: $i) { notificationEmails monthlySpendingLimitCents } }";

/// The billing settings take addresses that Vigil mails and a limit that stops runs: a tenant
/// cannot reach another organization's, inject mail headers, pass markup or oversized lists,
/// or overflow the limit; each attempt is `BAD_USER_INPUT` or `NOT_FOUND` and writes nothing.
#[tokio::test]
async fn billing_settings_refuse_header_injection_markup_overflow_and_other_tenants() {
    for backend in backends() {
        let (stripe, polar) = (StandIn::stripe().await, StandIn::polar().await);
        let app = cloud(&backend, &stripe, &polar).await;
        let victim = app.sign_up("victim@example.com").await;
        let (victim_org, _) = app.create_org(&victim, "Victim").await;
        let attacker = app.sign_up("attacker@example.com").await;
        let (own_org, _) = app.create_org(&attacker, "Attacker").await;
        let count = || async {
            use sea_orm::{EntityTrait, PaginatorTrait};
            entity::billing_settings::Entity::find()
                .count(app.db())
                .await
                .expect("count")
        };
        // Another tenant's organization, by its real id.
        app.gql(
            Some(&attacker.token),
            UPDATE_SETTINGS,
            json!({ "o": victim_org, "i": { "notificationEmails": ["attacker@example.com"] } }),
        )
        .await
        .expect_code("NOT_FOUND");
        let huge: Vec<String> = (0..10_000).map(|i| format!("x{i}@example.com")).collect();
        let attacks: Vec<Value> = vec![
            json!({ "notificationEmails": ["a@example.com\r\nBcc: all@example.com"] }),
            json!({ "notificationEmails": ["a@example.com\nSubject: pwned"] }),
            json!({ "notificationEmails": ["\"<img src=x onerror=alert(1)>\"@example.com"] }),
            json!({ "notificationEmails": ["a@exa mple.com"] }),
            json!({ "notificationEmails": [format!("a@{}.com", "b".repeat(100_000))] }),
            json!({ "notificationEmails": huge }),
            json!({ "monthlySpendingLimitCents": i32::MIN }),
            json!({ "enableSpendingLimit": true, "monthlySpendingLimitCents": null }),
        ];
        for input in attacks {
            let gql = app
                .gql(
                    Some(&attacker.token),
                    UPDATE_SETTINGS,
                    json!({ "o": own_org, "i": input }),
                )
                .await;
            gql.expect_code("BAD_USER_INPUT");
            assert!(
                gql.field().is_some(),
                "[{backend}] names its field: {}",
                gql.body
            );
        }
        assert_eq!(count().await, 0, "[{backend}] nothing written");
        // The victim's usage is not readable either.
        let read = app
            .gql(
                Some(&attacker.token),
                "query($id: ID!) { organization(id: $id) { usage { overageCents } } }",
                json!({ "id": victim_org }),
            )
            .await
            .ok();
        assert!(read["organization"].is_null(), "[{backend}] {read}");
        app.stop().await;
    }
}
