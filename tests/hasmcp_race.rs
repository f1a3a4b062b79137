//! Two writers attaching tools to one HasMCP server at once, against the fake: with
//! the link endpoints nothing is ever lost; once a writer PATCHes (a rename), a link
//! made between its read and its PATCH can be replaced away. The figures are printed
//! (`cargo test --test hasmcp_race -- --nocapture`); the crate's HasMCP docs quote them.
//!
//! Every round starts both writers together (a barrier) and ends when both are done,
//! so each round is one race, and a tool missing at the end was lost in its round.
//! Write hooks then replay the interleavings one by one.

use std::sync::Arc;

use mcp_admin::{
    hasmcp::{self, Client},
    testing::FakeHasMcp,
    Error, RetryPolicy,
};
use tokio::sync::Barrier;

const ROUNDS: usize = 200;

/// How a writer attaches its tool each round.
#[derive(Debug, Clone, Copy)]
enum Writer {
    /// `attach_tool`: one link request.
    AttachTool,
    /// `update_server(..).attach_tools(..)` and nothing else: a read and link requests.
    AttachTools,
    /// `update_server(..).name(..).attach_tools(..)`: a read and a PATCH.
    RenameAndAttach { retries: u32 },
}

/// What one writer's call of one round came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    /// A conflict error saying the attachments may have been replaced.
    Reported,
}

/// The figures of one race.
#[derive(Debug, Default, PartialEq, Eq)]
struct Figures {
    /// Attachments whose call succeeded.
    believed: usize,
    /// Of those, missing at the end.
    lost: usize,
    /// Rounds in which a call reported the race.
    reported: usize,
    /// Lost attachments of rounds in which no call reported anything.
    silent: usize,
}

struct Setup {
    fake: FakeHasMcp,
    hm: Client,
    server: String,
    provider: String,
}

async fn setup() -> Setup {
    let fake = FakeHasMcp::start().await;
    fake.without_rate_limit();
    let server = fake.seed_server("Raced", "");
    let provider = fake.seed_provider("GitHub");
    let hm = hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .retry(RetryPolicy::default().initial_backoff(std::time::Duration::from_millis(2)))
        .build()
        .expect("client");
    Setup {
        fake,
        hm,
        server,
        provider,
    }
}

/// One writer's call for `round`, attaching `tool`.
async fn write(s: &Setup, writer: Writer, who: &str, round: usize, tool: &str) -> Outcome {
    let result = match writer {
        Writer::AttachTool => s.hm.attach_tool(&s.server, tool).await,
        Writer::AttachTools => {
            s.hm.update_server(&s.server)
                .attach_tools(&s.provider, [tool])
                .send()
                .await
                .map(drop)
        }
        Writer::RenameAndAttach { retries } => {
            s.hm.update_server(&s.server)
                .name(format!("{who}{round}"))
                .attach_tools(&s.provider, [tool])
                .retry_on_conflict(retries)
                .send()
                .await
                .map(drop)
        }
    };
    match result {
        Ok(()) => Outcome::Ok,
        Err(Error::Conflict(c))
            if c.may_have_applied && c.message.contains("attachments may have been") =>
        {
            Outcome::Reported
        }
        Err(e) => panic!("{who} round {round}: {e}"),
    }
}

/// Runs `a` and `b` against one server for `ROUNDS` rounds, each attaching a tool of
/// its own every round, and counts.
async fn race(a: Writer, b: Writer) -> Figures {
    let s = Arc::new(setup().await);
    let tools: Vec<[String; 2]> = (0..ROUNDS)
        .map(|r| {
            [
                s.fake.seed_tool(&s.provider, &format!("a{r}")),
                s.fake.seed_tool(&s.provider, &format!("b{r}")),
            ]
        })
        .collect();
    let barrier = Arc::new(Barrier::new(2));
    let run = |writer: Writer, who: &'static str, side: usize| {
        let (s, barrier, tools) = (Arc::clone(&s), Arc::clone(&barrier), tools.clone());
        tokio::spawn(async move {
            let mut outcomes = Vec::with_capacity(ROUNDS);
            for (round, pair) in tools.iter().enumerate() {
                barrier.wait().await;
                outcomes.push(write(&s, writer, who, round, &pair[side]).await);
            }
            outcomes
        })
    };
    let (a_run, b_run) = (run(a, "A", 0), run(b, "B", 1));
    let (a_out, b_out) = (a_run.await.expect("A"), b_run.await.expect("B"));
    let attached = s.fake.attached_tools(&s.server);
    let mut figures = Figures::default();
    for (round, pair) in tools.iter().enumerate() {
        let outcomes = [a_out[round], b_out[round]];
        let reported = outcomes.contains(&Outcome::Reported);
        figures.reported += usize::from(reported);
        for (tool, outcome) in pair.iter().zip(outcomes) {
            if outcome == Outcome::Ok {
                figures.believed += 1;
                if !attached.contains(tool) {
                    figures.lost += 1;
                    figures.silent += usize::from(!reported);
                }
            }
        }
    }
    figures
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_writers_attaching_through_the_link_endpoints_never_lose_a_tool() {
    let figures = race(Writer::AttachTool, Writer::AttachTools).await;
    eprintln!("attach_tool vs attach_tools only, {ROUNDS} rounds: {figures:?}");
    assert_eq!(
        figures,
        Figures {
            believed: 2 * ROUNDS,
            lost: 0,
            reported: 0,
            silent: 0,
        }
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_writer_that_also_renames_can_replace_a_concurrent_link_away() {
    // B PATCHes; A's links do not move the version, so B never sees them go: every
    // loss is silent.
    let links_vs_patch = race(Writer::AttachTool, Writer::RenameAndAttach { retries: 0 }).await;
    eprintln!("attach_tool vs rename+attach_tools, {ROUNDS} rounds: {links_vs_patch:?}");
    assert_eq!(links_vs_patch.reported, 0);
    assert_eq!(links_vs_patch.silent, links_vs_patch.lost);

    // Both PATCH: the loser's PATCH is stale, and it says so.
    let patch_vs_patch = race(
        Writer::RenameAndAttach { retries: 0 },
        Writer::RenameAndAttach { retries: 0 },
    )
    .await;
    eprintln!("rename+attach_tools vs the same, no retry, {ROUNDS} rounds: {patch_vs_patch:?}");
    // Names differ every round, so every stale PATCH is seen: each report is the one
    // loss of its round, and nothing is lost unreported.
    assert_eq!(patch_vs_patch.lost, patch_vs_patch.reported);
    assert_eq!(patch_vs_patch.silent, 0);

    // With retries the loser's next round succeeds: the loss it caused goes unreported.
    let patch_vs_patch_retried = race(
        Writer::RenameAndAttach { retries: 3 },
        Writer::RenameAndAttach { retries: 3 },
    )
    .await;
    eprintln!(
        "rename+attach_tools vs the same, retry_on_conflict(3), {ROUNDS} rounds: \
         {patch_vs_patch_retried:?}"
    );
    assert_eq!(patch_vs_patch_retried.reported, 0);
    assert_eq!(patch_vs_patch_retried.silent, patch_vs_patch_retried.lost);
}

// ---------------------------------------------------------------- one interleaving at a time

#[tokio::test]
async fn a_link_made_between_the_read_and_a_patch_is_replaced_away_silently() {
    let s = setup().await;
    let (ours, theirs) = (
        s.fake.seed_tool(&s.provider, "ours"),
        s.fake.seed_tool(&s.provider, "theirs"),
    );
    let (server, other) = (s.server.clone(), theirs.clone());
    s.fake.before_next_write(move |fake| {
        assert!(fake.link_tool(&server, &other));
    });
    let updated =
        s.hm.update_server(&s.server)
            .name("Renamed")
            .attach_tools(&s.provider, [&ours])
            .send()
            .await
            .expect("the PATCH looks like a plain success");
    assert_eq!(updated.version, Some(2));
    assert_eq!(s.fake.attached_tools(&s.server), [ours]);
}

#[tokio::test]
async fn a_rename_between_the_read_and_a_patch_is_reported_with_the_attachments_at_risk() {
    let s = setup().await;
    let (ours, theirs) = (
        s.fake.seed_tool(&s.provider, "ours"),
        s.fake.seed_tool(&s.provider, "theirs"),
    );
    let (server, other) = (s.server.clone(), theirs.clone());
    s.fake.before_next_write(move |fake| {
        fake.rename_server(&server, "Theirs");
        assert!(fake.link_tool(&server, &other));
    });
    let err =
        s.hm.update_server(&s.server)
            .name("Ours")
            .attach_tools(&s.provider, [&ours])
            .send()
            .await
            .expect_err("the PATCH was stale");
    let Error::Conflict(c) = &err else {
        panic!("{err:?}")
    };
    assert!(c.may_have_applied);
    assert_eq!((c.expected, c.found), (Some(2), Some(2)));
    assert_eq!(
        err.to_string(),
        "HasMCP hasmcp_update_server: conflict: the update was based on version 1 but the server \
         kept name \"Theirs\" instead of \"Ours\": another write came first. Its name, \
         instructions and flag were not applied; its provider, resource and prompt \
         attachments may have been, replacing those of the other write"
    );
    // Ours was applied with the stale PATCH; theirs is gone.
    assert_eq!(s.fake.attached_tools(&s.server), [ours]);
    assert_eq!(s.fake.server(&s.server).unwrap()["name"], "Theirs");
}

#[tokio::test]
async fn attach_only_updates_keep_a_link_made_in_between_and_count_their_own_as_done() {
    let s = setup().await;
    let (ours, theirs) = (
        s.fake.seed_tool(&s.provider, "ours"),
        s.fake.seed_tool(&s.provider, "theirs"),
    );
    // Before our POST, the other writer links its tool and ours.
    let (server, other, mine) = (s.server.clone(), theirs.clone(), ours.clone());
    s.fake.before_next_write(move |fake| {
        assert!(fake.link_tool(&server, &other));
        assert!(fake.link_tool(&server, &mine));
    });
    let updated =
        s.hm.update_server(&s.server)
            .attach_tools(&s.provider, [&ours])
            .send()
            .await
            .expect("a 409 for a link that exists is done");
    let mut both = vec![ours, theirs];
    both.sort();
    assert_eq!(s.fake.attached_tools(&s.server), both);
    assert_eq!(updated.providers[0].tools.len(), 2);
    assert_eq!(updated.version, Some(1), "no PATCH");
    let sent: Vec<String> = s
        .fake
        .requests()
        .await
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    let at = format!("/api/v1/servers/{}", s.server);
    assert_eq!(
        sent,
        [
            format!("GET {at}"),
            format!("POST {at}/tools"),
            format!("GET {at}/tools"),
            format!("GET {at}"),
        ]
    );
}
