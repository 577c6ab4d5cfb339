//! The same four tasks on a `current_thread` runtime (one thread) and on a
//! `multi_thread` runtime with two workers (tasks run in parallel).
use std::collections::HashSet;
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use tokio::runtime::{Builder, Runtime};

/// Which thread ran a task, and when, in ms since the runtime started.
struct Ran {
    number: u32,
    id: ThreadId,
    name: String,
    from: u128,
    to: u128,
}

/// Stands for a bit of work that keeps its thread busy for 50 ms. Blocking
/// like this inside async code is a mistake: here it is on purpose, to see
/// which thread runs each task.
async fn task(number: u32, start: Instant) -> Ran {
    let from = start.elapsed().as_millis();
    thread::sleep(Duration::from_millis(50));
    let me = thread::current();
    let name = me.name().unwrap_or("unnamed").to_string();
    let to = start.elapsed().as_millis();
    Ran {
        number,
        id: me.id(),
        name,
        from,
        to,
    }
}

fn run_four_tasks(label: &str, runtime: Runtime) {
    println!("{label}:");
    let start = Instant::now();
    let results = runtime.block_on(async {
        let handles: Vec<_> = (0..4).map(|n| tokio::spawn(task(n, start))).collect();
        let mut results = Vec::new();
        for handle in handles {
            results.push(handle.await.expect("the task panicked"));
        }
        results
    });
    let elapsed = start.elapsed().as_millis();
    let mut threads = HashSet::new();
    for Ran {
        number,
        id,
        name,
        from,
        to,
    } in results
    {
        println!("  task {number} ran on {id:?} ({name}), {from} to {to} ms");
        threads.insert(id);
    }
    println!("  {} thread(s), {elapsed} ms in all", threads.len());
}

fn main() {
    let one = Builder::new_current_thread().build().unwrap();
    run_four_tasks("current_thread runtime", one);

    let two = Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    run_four_tasks("multi_thread runtime with 2 workers", two);
}
