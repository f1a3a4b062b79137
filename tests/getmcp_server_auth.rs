//! GetMCP server auth settings and settings: `auth_config`, inbound `auth_credentials`,
//! the outbound authentication and `settings` on create and update. The exact body each
//! setter sends (wiremock), nothing for what is not set, the refusals before sending,
//! `Debug` without secrets, the check of the credentials after an update, and the same
//! against the fake.

mod getmcp_support;

use getmcp_support::{
    answering, assert_request, client, fake_client, invalid_field, silent, uuid_ref, SERVERS, UUID,
};
use mcp_admin::{
    getmcp::{
        AuthType, KeyLocation, OutboundAuth, OutboundAuthType, TestAuthCredentials, UpdateServer,
    },
    testing::FakeGetMcp,
    Error, Patch, Platform,
};
use serde_json::{json, Map, Value};
use wiremock::{
    matchers::{method, path},
    Mock, MockServer, Request, ResponseTemplate,
};

/// A JSON object literal as a map.
fn map(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        other => panic!("not an object: {other}"),
    }
}

fn server_path() -> String {
    format!("{SERVERS}/{UUID}")
}

/// A site whose PATCH answers the server and whose credentials route reports `flags`
/// (inbound, test, outbound).
async fn site(flags: (bool, bool, bool)) -> MockServer {
    let mock = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path(server_path()))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": 7, "uuid": UUID, "name": "Docs", "status": "active"})),
        )
        .mount(&mock)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{}/credentials", server_path())))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "auth_type": "bearer",
            "has_auth_credentials": flags.0,
            "has_test_auth_credentials": flags.1,
            "has_outbound_auth_credentials": flags.2,
        })))
        .mount(&mock)
        .await;
    mock
}

async fn requests(mock: &MockServer) -> Vec<Request> {
    mock.received_requests().await.expect("recording is on")
}

fn body_of(req: &Request) -> Value {
    serde_json::from_slice(&req.body).expect("a JSON body")
}

const SECRETS: [&str; 4] = ["IN-SECRET", "OUT-SECRET", "PW-SECRET", "MAIL-SECRET"];

fn assert_no_secret(text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} shown: {text}");
    }
}

/// `outcome` is a refusal of `field` before sending, stamped with `operation`, that
/// shows no secret.
fn assert_refused<T: std::fmt::Debug>(outcome: Result<T, Error>, operation: &str, field: &str) {
    let e = outcome.expect_err("refused");
    assert_no_secret(&format!("{e:?} {e}"));
    let prefix = format!("GetMCP {operation}: invalid input");
    assert!(e.to_string().starts_with(&prefix), "{e}");
    assert_eq!(invalid_field(e), field);
}

// ------------------------------------------------------------------ update: the wire

type Build = fn(UpdateServer) -> UpdateServer;

/// A setter, the body it sends, the credentials flags the site reports, and how many
/// requests the update makes.
type Case = (Build, Value, (bool, bool, bool), usize);

#[tokio::test]
async fn each_update_setter_alone_sends_exactly_its_fields_and_checks_credentials() {
    // (setter, body, credentials flags the site reports, requests made)
    let cases: [Case; 8] = [
        (
            |u| u.auth_config(map(json!({"provider": "external", "client_id": "abc"}))),
            json!({
                "auth_config": "{\"client_id\":\"abc\",\"provider\":\"external\"}",
                "auth_config_mode": "replace"
            }),
            (false, false, false),
            1,
        ),
        (
            |u| u.clear_auth_config(),
            json!({"auth_config": "{}", "auth_config_mode": "replace"}),
            (false, false, false),
            1,
        ),
        (
            |u| u.auth_credentials(TestAuthCredentials::bearer("IN-SECRET")),
            json!({"auth_credentials": "{\"token\":\"IN-SECRET\"}"}),
            (true, false, false),
            2,
        ),
        (
            |u| u.clear_auth_credentials(),
            json!({"auth_credentials": "", "clear_credentials": ["auth_credentials"]}),
            (false, false, false),
            2,
        ),
        (
            |u| {
                u.outbound_auth(
                    OutboundAuth::api_key("X-Key", "OUT-SECRET", KeyLocation::Query)
                        .config(map(json!({"audience": "api"}))),
                )
            },
            json!({
                "auth_config_mode": "replace",
                "outbound_auth_type": "api-key",
                "outbound_auth_config": "{\"audience\":\"api\"}",
                "outbound_auth_credentials":
                    "{\"name\":\"X-Key\",\"value\":\"OUT-SECRET\",\"location\":\"query\"}"
            }),
            (false, false, true),
            2,
        ),
        (
            |u| u.clear_outbound_auth(),
            json!({"outbound_auth_type": "none"}),
            (false, false, false),
            2,
        ),
        (
            |u| u.settings(map(json!({"log_level": "debug", "nested": {"a": 1}}))),
            json!({"settings": {"log_level": "debug", "nested": {"a": 1}}}),
            (false, false, false),
            1,
        ),
        (
            |u| u.clear_settings(),
            json!({"settings": {}}),
            (false, false, false),
            1,
        ),
    ];
    for (build, expected, flags, made) in cases {
        let mock = site(flags).await;
        build(client(&mock).update_server(uuid_ref()))
            .send()
            .await
            .expect("applied");
        let got = requests(&mock).await;
        assert_eq!(got.len(), made, "{expected}");
        assert_request(&got[0], "PATCH", &server_path(), &[], Some(expected));
        if made == 2 {
            assert_request(
                &got[1],
                "GET",
                &format!("{}/credentials", server_path()),
                &[],
                None,
            );
        }
    }
}

#[tokio::test]
async fn set_with_patch_sends_what_the_plain_setters_send() {
    let mock = site((true, false, true)).await;
    client(&mock)
        .update_server(uuid_ref())
        .auth_type(AuthType::Bearer)
        .set_auth_config(Patch::Set(map(json!({"scope": "read"}))))
        .set_auth_credentials(Patch::Set(TestAuthCredentials::bearer("IN-SECRET")))
        .set_outbound_auth(Patch::Set(OutboundAuth::bearer("OUT-SECRET")))
        .set_settings(Patch::Set(map(json!({"k": "v"}))))
        .send()
        .await
        .expect("applied");
    assert_eq!(
        body_of(&requests(&mock).await[0]),
        json!({
            "auth_type": "bearer",
            "auth_config": "{\"scope\":\"read\"}",
            "auth_config_mode": "replace",
            "auth_credentials": "{\"token\":\"IN-SECRET\"}",
            "outbound_auth_type": "bearer",
            "outbound_auth_credentials": "{\"token\":\"OUT-SECRET\"}",
            "settings": {"k": "v"}
        })
    );
}

#[tokio::test]
async fn the_new_setters_left_as_they_are_send_nothing() {
    let mock = answering(
        200,
        Some(json!({"id": 7, "uuid": UUID, "name": "Docs"})),
        &[],
    )
    .await;
    client(&mock)
        .update_server(uuid_ref())
        .name("Docs")
        .set_auth_config(Patch::Keep)
        .set_auth_credentials(Patch::Keep)
        .set_outbound_auth(Patch::Keep)
        .set_settings(Patch::Keep)
        .send()
        .await
        .expect("200");
    let got = requests(&mock).await;
    assert_eq!(got.len(), 1, "no credentials check for a name");
    assert_request(
        &got[0],
        "PATCH",
        &server_path(),
        &[],
        Some(json!({"name": "Docs"})),
    );
}

// ------------------------------------------------------------ update: refused first

#[tokio::test]
async fn update_refuses_what_the_site_would_refuse_or_drop_before_sending() {
    let mock = silent().await;
    let gm = client(&mock);
    let u = || gm.update_server(uuid_ref());
    let cases = [
        (
            u().auth_config(map(json!({"client_secret": "s"}))),
            "auth_config",
        ),
        (
            u().auth_config(map(json!({"nested": {"Refresh_Token": "t"}}))),
            "auth_config",
        ),
        (
            u().auth_config(map(json!({"list": [{"password": "p"}]}))),
            "auth_config",
        ),
        (
            u().auth_type(AuthType::NoAuth)
                .auth_config(map(json!({"provider": "external"}))),
            "auth_config",
        ),
        (
            u().auth_type(AuthType::NoAuth)
                .auth_credentials(TestAuthCredentials::bearer("IN-SECRET")),
            "auth_credentials",
        ),
        (
            u().auth_type(AuthType::Basic)
                .auth_credentials(TestAuthCredentials::bearer("IN-SECRET")),
            "auth_credentials",
        ),
        (
            u().auth_credentials(TestAuthCredentials::bearer(" ")),
            "auth_credentials",
        ),
        (
            u().outbound_auth(OutboundAuth::new(
                OutboundAuthType::Basic,
                TestAuthCredentials::bearer("OUT-SECRET"),
            )),
            "outbound_auth_credentials",
        ),
        (
            u().outbound_auth(OutboundAuth::new(
                OutboundAuthType::ApiKey,
                TestAuthCredentials::raw_json(r#"{"name":"k","value":"OUT-SECRET"}"#),
            )),
            "outbound_auth_credentials",
        ),
        (
            u().outbound_auth(OutboundAuth::new(
                OutboundAuthType::NoAuth,
                TestAuthCredentials::bearer("OUT-SECRET"),
            )),
            "outbound_auth_type",
        ),
        (
            u().outbound_auth(
                OutboundAuth::bearer("OUT-SECRET").config(map(json!({"api_key": "k"}))),
            ),
            "outbound_auth_config",
        ),
        (
            u().description("About")
                .settings(map(json!({"description": "Other"}))),
            "settings",
        ),
        (
            u().auth_type(AuthType::OAuth)
                .auth_config(map(json!({"provider": "google"}))),
            "auth_config",
        ),
        (
            u().auth_type(AuthType::OAuth)
                .auth_config(map(json!({"provider": "getmcp"})))
                .auth_credentials(TestAuthCredentials::raw_json(
                    r#"{"client_secret":"IN-SECRET"}"#,
                )),
            "auth_credentials",
        ),
    ];
    for (update, field) in cases {
        assert_refused(update.send().await, "getmcp_update_server", field);
    }
    // A settings map with a description is fine on its own, and so is a description
    // with settings that hold none.
    assert!(u()
        .settings(map(json!({"description": "D"})))
        .body()
        .is_ok());
    assert!(u()
        .description("D")
        .settings(map(json!({"k": 1})))
        .body()
        .is_ok());
}

#[tokio::test]
async fn update_debug_shows_no_credential() {
    let mock = silent().await;
    let update = client(&mock)
        .update_server(uuid_ref())
        .auth_type(AuthType::Basic)
        .auth_credentials(TestAuthCredentials::basic("me", "PW-SECRET"))
        .outbound_auth(OutboundAuth::bearer("OUT-SECRET"))
        .settings(map(json!({"mailbox": {"password": "MAIL-SECRET"}})));
    assert_no_secret(&format!("{update:?}"));
    let body = update.body().expect("valid");
    let shown = format!("{body:?}");
    assert_no_secret(&shown);
    assert!(
        shown.contains(r#"auth_credentials: Some("[redacted]")"#),
        "{shown}"
    );
    assert!(
        shown.contains(r#"outbound_auth_credentials: Some("[redacted]")"#),
        "{shown}"
    );
    assert!(shown.contains(r#"settings: Some("[redacted]")"#), "{shown}");
}

/// A configuration holding a secret is refused before sending; until then the builders
/// must not show it either (a builder is often logged before it is sent).
#[tokio::test]
async fn a_secret_put_in_a_configuration_is_not_shown_by_debug() {
    let mock = silent().await;
    let gm = client(&mock);
    let config = map(json!({"client_secret": "IN-SECRET"}));
    let update = gm
        .update_server(uuid_ref())
        .auth_type(AuthType::OAuth)
        .auth_config(config.clone())
        .outbound_auth(OutboundAuth::bearer("t").config(map(json!({"password": "PW-SECRET"}))));
    assert_no_secret(&format!("{update:?}"));
    let outbound = OutboundAuth::basic("me", "pw").config(map(json!({"password": "PW-SECRET"})));
    assert_no_secret(&format!("{outbound:?}"));
    let create = gm
        .create_server("Docs")
        .auth_type(AuthType::OAuth)
        .auth_config(config);
    assert_no_secret(&format!("{create:?}"));
    assert!(update.body().is_err_and(|e| e.is_invalid_input()));
    assert!(requests(&mock).await.is_empty());
}

// ------------------------------------------------- update: the credentials checked

fn not_applied(e: Error) -> (Vec<&'static str>, Vec<&'static str>, String) {
    assert_no_secret(&format!("{e:?} {e}"));
    assert!(e.is_not_applied(), "{e}");
    match e {
        Error::NotApplied {
            platform: Platform::GetMcp,
            operation: "getmcp_update_server",
            status: 200,
            applied,
            not_applied,
            reason,
            ..
        } => (applied, not_applied, reason),
        other => panic!("expected NotApplied, got {other:?}"),
    }
}

#[tokio::test]
async fn inbound_credentials_the_site_did_not_store_are_not_applied() {
    let mock = site((false, false, false)).await;
    let e = client(&mock)
        .update_server(uuid_ref())
        .name("Docs")
        .auth_credentials(TestAuthCredentials::bearer("IN-SECRET"))
        .send()
        .await
        .unwrap_err();
    let (applied, not, reason) = not_applied(e);
    assert_eq!((applied, not), (vec!["name"], vec!["auth_credentials"]));
    assert_eq!(
        reason,
        "the site answered 200 and did not store auth_credentials (it drops them while the \
         auth_type is none, and for an oauth server whose provider is \"getmcp\")"
    );
    assert_eq!(requests(&mock).await.len(), 2, "no re-send");
}

/// The site's own OAuth server (`provider` `getmcp`) needs no client secret: inbound
/// credentials sent to such a server are wiped, and the error says why, not that the
/// type is `none`.
#[tokio::test]
async fn inbound_credentials_wiped_by_the_getmcp_oauth_provider_say_so() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({
        "name": "Docs",
        "auth_type": "oauth",
        "auth_config": "{\"provider\":\"getmcp\"}"
    }));
    let e = fake_client(&fake)
        .update_server(id)
        .auth_credentials(TestAuthCredentials::raw_json(
            r#"{"client_secret":"IN-SECRET"}"#,
        ))
        .send()
        .await
        .unwrap_err();
    let (applied, not, reason) = not_applied(e);
    assert_eq!((applied, not), (vec![], vec!["auth_credentials"]));
    assert!(reason.contains("provider is \"getmcp\""), "{reason}");
    assert_eq!(fake.inbound_credentials(id), None);
}

/// The site stores no configuration while the type is `none`: a configuration sent to
/// such a server is answered 200 and stored as `"[]"`, which the answer shows.
#[tokio::test]
async fn a_configuration_the_site_dropped_is_not_applied() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs"); // auth_type none
    let e = fake_client(&fake)
        .update_server(id)
        .name("Docs v2")
        .auth_config(map(json!({"audience": "api"})))
        .send()
        .await
        .unwrap_err();
    let (applied, not, reason) = not_applied(e);
    assert_eq!((applied, not), (vec!["name"], vec!["auth_config"]));
    assert_eq!(
        reason,
        "the site answered 200 and stored an empty auth_config (it stores none while the \
         auth_type is none)"
    );
    assert_eq!(fake.server(id).expect("stored")["name"], "Docs v2");
    assert_eq!(fake.server(id).expect("stored")["auth_config"], "[]");

    // With credentials in the same update, both are named.
    let e = fake_client(&fake)
        .update_server(id)
        .auth_config(map(json!({"audience": "api"})))
        .auth_credentials(TestAuthCredentials::bearer("IN-SECRET"))
        .send()
        .await
        .unwrap_err();
    let (applied, not, _) = not_applied(e);
    assert_eq!(
        (applied, not),
        (vec![], vec!["auth_config", "auth_credentials"])
    );

    // A clear is stored as `"[]"` too, and that is what was asked.
    fake_client(&fake)
        .update_server(id)
        .clear_auth_config()
        .send()
        .await
        .expect("a clear is applied");
}

/// A new `client_id` (or `provider`) wipes the stored inbound and test credentials, as
/// the add-on does on a type change; the update's docs say so.
#[tokio::test]
async fn a_new_client_id_wipes_the_stored_credentials() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({"name": "Docs", "auth_type": "bearer"}));
    let gm = fake_client(&fake);
    gm.update_server(id)
        .auth_credentials(TestAuthCredentials::bearer("IN-SECRET"))
        .test_auth_credentials(TestAuthCredentials::bearer("t"))
        .send()
        .await
        .expect("stored");
    assert!(fake.inbound_credentials(id).is_some() && fake.test_credentials(id).is_some());
    gm.update_server(id)
        .auth_config(map(json!({"client_id": "abc"})))
        .send()
        .await
        .expect("200");
    assert_eq!(fake.inbound_credentials(id), None);
    assert_eq!(fake.test_credentials(id), None);
}

#[tokio::test]
async fn outbound_credentials_still_stored_after_the_clear_are_not_applied() {
    let mock = site((false, false, true)).await;
    let e = client(&mock)
        .update_server(uuid_ref())
        .clear_outbound_auth()
        .clear_auth_credentials()
        .send()
        .await
        .unwrap_err();
    let (applied, not, reason) = not_applied(e);
    assert_eq!(
        (applied, not),
        (
            vec!["auth_credentials", "outbound_auth_type"],
            vec!["outbound_auth_credentials"]
        )
    );
    assert_eq!(
        reason,
        "outbound_auth_credentials are still stored after the clear"
    );
}

#[tokio::test]
async fn a_failed_check_of_several_slots_names_them_all() {
    let mock = MockServer::start().await;
    Mock::given(method("PATCH"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"id": 7, "uuid": UUID, "name": "D"})),
        )
        .mount(&mock)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({
            "code": "internal_server_error", "message": "boom", "data": {"status": 500}
        })))
        .mount(&mock)
        .await;
    let e = client(&mock)
        .update_server(uuid_ref())
        .auth_credentials(TestAuthCredentials::bearer("IN-SECRET"))
        .test_auth_credentials(TestAuthCredentials::bearer("IN-SECRET"))
        .send()
        .await
        .unwrap_err();
    assert!(
        e.to_string().contains("(checking the stored credentials)"),
        "{e}"
    );
    let (applied, not, _) = not_applied(e);
    assert!(applied.is_empty());
    assert_eq!(not, ["auth_credentials", "test_auth_credentials"]);
}

// ------------------------------------------------------------------ create: the wire

#[tokio::test]
async fn create_sends_the_new_fields_exactly_and_nothing_unset() {
    let answer = json!({"id": 3, "uuid": UUID, "name": "Tools"});
    let mock = answering(201, Some(answer.clone()), &[]).await;
    client(&mock)
        .create_server("Tools")
        .description("About")
        .auth_type(AuthType::OAuth)
        .auth_config(map(json!({"provider": "external", "client_id": "abc"})))
        .auth_credentials(TestAuthCredentials::raw_json(
            r#"{"client_secret":"IN-SECRET"}"#,
        ))
        .outbound_auth(OutboundAuth::basic("me", "OUT-SECRET"))
        .settings(map(json!({"log_level": "debug"})))
        .send()
        .await
        .expect("201");
    assert_request(
        &requests(&mock).await[0],
        "POST",
        SERVERS,
        &[],
        Some(json!({
            "name": "Tools",
            "description": "About",
            "auth_type": "oauth",
            "auth_config": "{\"client_id\":\"abc\",\"provider\":\"external\"}",
            "auth_credentials": "{\"client_secret\":\"IN-SECRET\"}",
            "outbound_auth_type": "basic",
            "outbound_auth_credentials": "{\"username\":\"me\",\"password\":\"OUT-SECRET\"}",
            "settings": {"log_level": "debug"}
        })),
    );
    let mock = answering(201, Some(answer), &[]).await;
    client(&mock)
        .create_server("Tools")
        .set_auth_config(None)
        .set_auth_credentials(None)
        .set_outbound_auth(None)
        .set_settings(None)
        .send()
        .await
        .expect("201");
    assert_request(
        &requests(&mock).await[0],
        "POST",
        SERVERS,
        &[],
        Some(json!({"name": "Tools"})),
    );
}

#[tokio::test]
async fn create_refuses_before_sending() {
    let mock = silent().await;
    let gm = client(&mock);
    let cases = [
        (
            gm.create_server("A")
                .auth_credentials(TestAuthCredentials::bearer("IN-SECRET")),
            "auth_credentials",
        ),
        (
            gm.create_server("A")
                .auth_config(map(json!({"client_secret": "s"}))),
            "auth_config",
        ),
        (
            gm.create_server("A")
                .instructions("Be brief")
                .settings(map(json!({"instructions": "Other"}))),
            "settings",
        ),
        (
            gm.create_server("A")
                .description("About")
                .settings(map(json!({"description": "Other"}))),
            "settings",
        ),
        (
            gm.create_server("A")
                .outbound_auth(OutboundAuth::bearer("")),
            "outbound_auth_credentials",
        ),
    ];
    for (create, field) in cases {
        assert_refused(create.send().await, "getmcp_create_server", field);
    }
    let create = gm
        .create_server("A")
        .auth_type(AuthType::Basic)
        .auth_credentials(TestAuthCredentials::basic("me", "PW-SECRET"))
        .outbound_auth(OutboundAuth::bearer("OUT-SECRET"));
    assert_no_secret(&format!("{create:?}"));
}

// ------------------------------------------------------------------------ the fake

#[tokio::test]
async fn the_fake_stores_the_auth_settings_as_the_site_does() {
    let fake = FakeGetMcp::start().await;
    let gm = fake_client(&fake);
    let server = gm
        .create_server("Tools")
        .auth_type(AuthType::Bearer)
        .auth_config(map(json!({"audience": "mcp"})))
        .auth_credentials(TestAuthCredentials::bearer("IN-SECRET"))
        .outbound_auth(OutboundAuth::basic("me", "OUT-SECRET").config(map(json!({"realm": "api"}))))
        .instructions("Be brief")
        .settings(map(json!({"log_level": "debug"})))
        .send()
        .await
        .expect("201");
    let wire = fake.server(server.id).expect("stored");
    assert_eq!(wire["auth_config"], "{\"audience\":\"mcp\"}");
    assert_eq!(wire["outbound_auth_type"], "basic");
    assert_eq!(wire["outbound_auth_config"], "{\"realm\":\"api\"}");
    assert_eq!(
        wire["settings"],
        json!({"log_level": "debug", "instructions": "Be brief"})
    );
    let shown = wire.to_string();
    assert_no_secret(&shown);
    let status = gm.get_server_credentials(server.id).await.expect("200");
    assert!(status.has_auth_credentials && status.has_outbound_auth_credentials);
    assert!(!status.has_test_auth_credentials);
    assert_eq!(
        status.auth_config.map(|c| c.into_inner()),
        Some(json!({"audience": "mcp"}))
    );

    // A description with settings merges them; settings alone replace them.
    gm.update_server(server.id)
        .description("About")
        .settings(map(json!({"theme": "dark"})))
        .send()
        .await
        .expect("200");
    assert_eq!(
        fake.server(server.id).expect("stored")["settings"],
        json!({"log_level": "debug", "instructions": "Be brief", "theme": "dark", "description": "About"})
    );
    gm.update_server(server.id)
        .settings(map(json!({"theme": "light"})))
        .send()
        .await
        .expect("200");
    assert_eq!(
        fake.server(server.id).expect("stored")["settings"],
        json!({"theme": "light"})
    );
    gm.update_server(server.id)
        .clear_settings()
        .send()
        .await
        .expect("200");
    assert_eq!(
        fake.server(server.id).expect("stored")["settings"],
        json!([])
    );

    // The configuration is replaced as sent; clears empty what they name.
    gm.update_server(server.id)
        .auth_config(map(json!({"scope": "read"})))
        .clear_outbound_auth()
        .clear_auth_credentials()
        .send()
        .await
        .expect("cleared and checked");
    let wire = fake.server(server.id).expect("stored");
    assert_eq!(wire["auth_config"], "{\"scope\":\"read\"}");
    assert_eq!(wire["outbound_auth_type"], "none");
    assert_eq!(wire["outbound_auth_config"], "[]");
    let status = gm.get_server_credentials(server.id).await.expect("200");
    assert!(!status.has_auth_credentials && !status.has_outbound_auth_credentials);

    gm.update_server(server.id)
        .clear_auth_config()
        .send()
        .await
        .expect("200");
    assert_eq!(fake.server(server.id).expect("stored")["auth_config"], "[]");
}

#[tokio::test]
async fn the_fake_drops_inbound_credentials_while_the_type_is_none() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.seed_server("Docs"); // auth_type none
    let gm = fake_client(&fake);
    let e = gm
        .update_server(id)
        .auth_credentials(TestAuthCredentials::bearer("IN-SECRET"))
        .send()
        .await
        .unwrap_err();
    let (applied, not, _) = not_applied(e);
    assert!(applied.is_empty());
    assert_eq!(not, ["auth_credentials"]);
    assert!(
        !gm.get_server_credentials(id)
            .await
            .expect("200")
            .has_auth_credentials
    );
    // With a type, stored and checked.
    gm.update_server(id)
        .auth_type(AuthType::ApiKey)
        .auth_credentials(TestAuthCredentials::api_key(
            "X-Key",
            "IN-SECRET",
            KeyLocation::Header,
        ))
        .send()
        .await
        .expect("stored");
    assert!(
        gm.get_server_credentials(id)
            .await
            .expect("200")
            .has_auth_credentials
    );
}

/// What the client refuses, the fake refuses too when sent raw; while a type is `none`
/// the site empties the configuration before its check, so there it is dropped with a
/// 200 instead.
#[tokio::test]
async fn the_fake_refuses_secret_like_configuration_keys_and_lists() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(
        json!({"name": "Docs", "auth_type": "bearer", "outbound_auth_type": "bearer"}),
    );
    let (none, _) = fake.seed_server("Open");
    let http = reqwest::Client::new();
    let patch = |id: u64, body: &Value| {
        http.patch(format!("{}/wp-json/getmcp/v1/servers/{id}", fake.uri()))
            .bearer_auth(fake.api_key())
            .json(body)
            .send()
    };
    let secret = json!({"auth_config": {"client_secret": "s"}});
    let answer = patch(none, &secret).await.expect("answered");
    assert_eq!(answer.status().as_u16(), 200);
    assert_eq!(fake.server(none).expect("stored")["auth_config"], "[]");
    for body in [
        json!({"auth_config": "{\"nested\":{\"client_secret\":\"s\"}}"}),
        json!({"outbound_auth_config": {"Authorization": "x"}}),
        json!({"auth_config": "[1,2]"}),
        json!({"auth_config": {"a": 1}, "auth_config_mode": "sideways"}),
    ] {
        let answer = patch(id, &body).await.expect("answered");
        assert_eq!(answer.status().as_u16(), 400, "{body}");
        let error: Value = answer.json().await.expect("JSON");
        assert_eq!(error["code"], "authentication_invalid", "{body}");
    }
    assert_eq!(
        fake.server(id).expect("stored")["auth_config"],
        Value::Null,
        "nothing stored"
    );
    let answer = patch(
        id,
        &json!({"auth_type": "oauth", "auth_config": {"provider": "google"}}),
    )
    .await
    .expect("answered");
    assert_eq!(answer.status().as_u16(), 400);
    let error: Value = answer.json().await.expect("JSON");
    assert_eq!(error["code"], "getmcp_invalid_oauth_provider");
}

/// Without `auth_config_mode`, a configuration sent raw is merged over the stored one
/// key by key (`null` removes a key), as the add-on does; the client always replaces.
#[tokio::test]
async fn the_fake_merges_a_configuration_sent_without_a_mode() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({
        "name": "Docs",
        "auth_type": "oauth",
        "auth_config": "{\"provider\":\"external\",\"scopes\":{\"read\":true},\"drop\":1}"
    }));
    let answer = reqwest::Client::new()
        .patch(format!("{}/wp-json/getmcp/v1/servers/{id}", fake.uri()))
        .bearer_auth(fake.api_key())
        .json(&json!({"auth_config": {"scopes": {"write": true}, "drop": null}}))
        .send()
        .await
        .expect("answered");
    assert_eq!(answer.status().as_u16(), 200);
    let stored: Value = serde_json::from_str(
        fake.server(id).expect("stored")["auth_config"]
            .as_str()
            .expect("a JSON string"),
    )
    .expect("JSON");
    assert_eq!(
        stored,
        json!({"provider": "external", "scopes": {"read": true, "write": true}})
    );
    fake_client(&fake)
        .update_server(id)
        .auth_config(map(json!({"provider": "external"})))
        .send()
        .await
        .expect("200");
    assert_eq!(
        fake.server(id).expect("stored")["auth_config"],
        "{\"provider\":\"external\"}"
    );
}
