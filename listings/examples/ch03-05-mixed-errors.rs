//! Tasks that fail with an io::Error or a ParseIntError, as one boxed error type.
use std::error::Error;
use std::io;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dir = std::env::temp_dir().join(format!("ch03-05-mixed-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("good.txt"), "42\n").unwrap();
    std::fs::write(dir.join("bad.txt"), "forty-two\n").unwrap();

    let mut handles = Vec::new();
    for name in ["good.txt", "bad.txt", "missing.txt"] {
        let path = dir.join(name);
        let handle = tokio::spawn(async move {
            let text = tokio::fs::read_to_string(&path).await?; // an io::Error
            let count: u32 = text.trim().parse()?; // a ParseIntError
            // An async block has no return type to declare: name the error here.
            Ok::<_, Box<dyn Error + Send + Sync>>(count)
        });
        handles.push((name, handle));
    }

    for (name, handle) in handles {
        match handle.await {
            Ok(Ok(count)) => println!("{name}: {count}"),
            Ok(Err(error)) => match error.downcast_ref::<io::Error>() {
                Some(io_error) => println!("{name}: I/O error, {:?}: {error}", io_error.kind()),
                None => println!("{name}: failed: {error}"),
            },
            Err(join_error) => println!("{name}: panicked or cancelled: {join_error}"),
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
