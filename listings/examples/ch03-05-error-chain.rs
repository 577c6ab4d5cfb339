use std::error::Error;
use std::fmt;

use tracing::error;

// What the program was doing when `cause` happened: the counterpart of
// `raise ConfigError("...") from e`, which keeps `e` as `__cause__`.
#[derive(Debug)]
struct Failed {
    doing: &'static str,
    cause: Box<dyn Error + Send + Sync>,
}

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.doing)
    }
}

impl Error for Failed {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&*self.cause)
    }
}

fn read_port(text: &str) -> Result<u16, Failed> {
    text.parse().map_err(|e| Failed {
        doing: "reading the port",
        cause: Box::new(e),
    })
}

fn load_settings(text: &str) -> Result<u16, Failed> {
    read_port(text).map_err(|e| Failed {
        doing: "loading the settings",
        cause: Box::new(e),
    })
}

// Every message of the chain, outermost first, on one line.
fn chain(err: &(dyn Error + 'static)) -> String {
    let messages: Vec<String> = std::iter::successors(Some(err), |&e| e.source())
        .map(|e| e.to_string())
        .collect();
    messages.join(": ")
}

fn main() {
    tracing_subscriber::fmt()
        .without_time()
        .with_ansi(false)
        .with_target(false)
        .init();

    let err = load_settings("forty-two").unwrap_err();
    // With `%`, the field is the outer error's Display alone.
    error!(error = %err, "start failed");
    // As a `&dyn Error`, the subscriber can walk the sources itself.
    error!(error = &err as &dyn Error, "start failed");
    error!(error = %chain(&err), "start failed");
}
