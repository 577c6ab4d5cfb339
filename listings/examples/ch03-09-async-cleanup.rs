//! Async clean-up is a call, not a destructor: a tokio `BufWriter` dropped
//! without a flush loses what it holds, and a helper that flushes for its
//! caller does not run when its future is dropped.
use std::io;
use std::path::Path;
use std::time::Duration;

use tokio::fs::{self, File};
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::time::{sleep, timeout};

// ANCHOR: shown
/// Lets `body` write to `file` through a buffer, then flushes and closes it,
/// after `body` returns or fails: the `async with` of a file.
async fn with_file(
    file: File,
    body: impl AsyncFnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    let mut writer = BufWriter::new(file);
    let result = body(&mut writer).await;
    let closed = writer.shutdown().await; // the __aexit__
    result.and(closed)
}
// ANCHOR_END: shown

async fn size(path: &Path) -> io::Result<u64> {
    Ok(fs::metadata(path).await?.len())
}

#[tokio::main]
async fn main() -> io::Result<()> {
    let path =
        std::env::temp_dir().join(format!("ch03-09-async-cleanup-{}.txt", std::process::id()));

    // ANCHOR: shown
    let mut writer = BufWriter::new(File::create(&path).await?);
    writer.write_all(b"a line\n").await?;
    drop(writer); // the line was still in the buffer
    println!("dropped, no flush:     {} bytes", size(&path).await?);

    let mut writer = BufWriter::new(File::create(&path).await?);
    writer.write_all(b"a line\n").await?;
    writer.flush().await?;
    drop(writer);
    println!("flushed, then dropped: {} bytes", size(&path).await?);

    let result = with_file(File::create(&path).await?, async |writer| {
        writer.write_all(b"a line\n").await?;
        Err(io::Error::other("the body failed"))
    })
    .await;
    let outcome = result.map_err(|error| error.to_string());
    println!(
        "with_file, body fails: {} bytes, {outcome:?}",
        size(&path).await?
    );

    // Created before the timeout starts: a `File::create` dropped by it would
    // still run on its blocking thread, perhaps after `remove_file`.
    let slow = with_file(File::create(&path).await?, async |writer| {
        writer.write_all(b"a line\n").await?;
        sleep(Duration::from_secs(10)).await;
        Ok(())
    });
    let timed_out = timeout(Duration::from_millis(20), slow).await.is_err();
    println!(
        "with_file, timed out:  {} bytes, {timed_out}",
        size(&path).await?
    );
    // ANCHOR_END: shown

    fs::remove_file(&path).await
}
