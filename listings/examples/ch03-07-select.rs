//! A `select!` loop: two channels, one served first, until no branch can run.
use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    let (urgent_sender, mut urgent) = mpsc::channel(8);
    let (normal_sender, mut normal) = mpsc::channel(8);
    for i in 1..=3 {
        normal_sender.send(format!("normal {i}")).await.unwrap();
    }
    for i in 1..=2 {
        urgent_sender.send(format!("urgent {i}")).await.unwrap();
    }
    drop((urgent_sender, normal_sender)); // both channels close once empty

    let mut normal_taken = 0;
    loop {
        tokio::select! {
            biased; // try the branches in the order written
            Some(message) = urgent.recv() => println!("{message}"),
            Some(message) = normal.recv(), if normal_taken < 2 => {
                normal_taken += 1;
                println!("{message}");
            }
            else => break, // every branch is disabled
        }
    }
    println!("left in the normal channel: {}", normal.len());
}
