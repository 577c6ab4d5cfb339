use std::error::Error;
use std::fs::{self, File};
use std::sync::Mutex;

use tracing::{Instrument, error, info, info_span};

async fn load_user(user: &str) {
    info!(user, "user loaded");
}

async fn handle(user: &str) {
    load_user(user)
        .instrument(info_span!("load_user", user))
        .await;
    let err = "forty-two".parse::<u16>().unwrap_err();
    error!(error = &err as &dyn Error, "bad port");
}

#[tokio::main]
async fn main() {
    // A name of its own, so that two runs at once do not share a file.
    let path = std::env::temp_dir().join(format!("app-{}.log", std::process::id()));
    let file = File::create(&path).unwrap();
    tracing_subscriber::fmt()
        .json()
        // The event's fields beside its level, not in an object of their own.
        .flatten_event(true)
        // "spans" lists them all, from the outermost: its last is the current one.
        .with_current_span(false)
        .without_time()
        .with_target(false)
        .with_writer(Mutex::new(file))
        .init();

    handle("ada")
        .instrument(info_span!("request", id = "req-1"))
        .await;
    info!(requests = 1, "done");

    // The file is not buffered: each line is in it as soon as it is logged.
    print!("{}", fs::read_to_string(&path).unwrap());
    fs::remove_file(&path).unwrap();
}
