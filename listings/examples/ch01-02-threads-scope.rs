//! Scoped threads: every thread spawned in the scope is joined when it ends,
//! so the threads may borrow local data.
use std::thread;
use std::time::Duration;

fn main() {
    let tasks = [("A", 200), ("B", 300)]; // a local the threads borrow

    thread::scope(|s| {
        for (name, millis) in &tasks {
            s.spawn(move || {
                println!("Task {name} started");
                thread::sleep(Duration::from_millis(*millis));
                println!("Task {name} completed");
            });
        }
        println!("Threads started");
    }); // <- every thread spawned on `s` is joined here

    println!("Threads finished; tasks is still ours: {tasks:?}");
}
