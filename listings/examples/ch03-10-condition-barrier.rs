//! asyncio.Condition in tokio: a Mutex and a Notify, or a watch channel; and a Barrier.
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Barrier, Notify, watch};
use tokio::time::sleep;

struct Shared {
    items: Mutex<Vec<&'static str>>,
    changed: Notify,
}

async fn consumer(i: u32, shared: Arc<Shared>) {
    loop {
        // Created before the check, so a notify_waiters() after it is not lost.
        let changed = shared.changed.notified();
        {
            let items = shared.items.lock().unwrap();
            if items.len() >= 2 {
                println!("consumer {i}: sees {items:?}");
                return;
            }
        }
        changed.await;
    }
}

async fn worker(i: u64, barrier: Arc<Barrier>, arrived: watch::Sender<u64>) {
    // Worker i goes once i workers have arrived: a fixed order, whatever the timing.
    arrived.subscribe().wait_for(|&n| n == i).await.unwrap();
    println!("worker {i}: at the barrier");
    // biased: wait() is polled first, so this worker has arrived when the next goes.
    let (result, _) = tokio::join!(biased; barrier.wait(), async {
        arrived.send_replace(i + 1)
    });
    println!("worker {i}: through, leader: {}", result.is_leader());
}

#[tokio::main]
async fn main() {
    let shared = Arc::new(Shared {
        items: Mutex::new(Vec::new()),
        changed: Notify::new(),
    });
    let consumers: Vec<_> = (1..=2)
        .map(|i| tokio::spawn(consumer(i, Arc::clone(&shared))))
        .collect();
    for item in ["a", "b"] {
        sleep(Duration::from_millis(20)).await;
        {
            let mut items = shared.items.lock().unwrap();
            items.push(item);
            // Under the lock, so no consumer can see the item before this line.
            println!("main: added {item:?}");
        }
        shared.changed.notify_waiters(); // notify_all(), with no lock needed
    }
    for handle in consumers {
        handle.await.unwrap();
    }

    // The same condition with a watch channel: the state is in the channel.
    let (state, mut seen) = watch::channel(Vec::new());
    let waiter = tokio::spawn(async move {
        let items = seen.wait_for(|items| items.len() >= 2).await.unwrap();
        println!("watch: sees {:?}", *items);
    });
    for item in ["a", "b"] {
        sleep(Duration::from_millis(20)).await;
        state.send_modify(|items| items.push(item)); // wakes every receiver
    }
    waiter.await.unwrap();

    let barrier = Arc::new(Barrier::new(3));
    let (arrived, _) = watch::channel(0);
    let workers: Vec<_> = (0..3)
        .map(|i| tokio::spawn(worker(i, Arc::clone(&barrier), arrived.clone())))
        .collect();
    for handle in workers {
        handle.await.unwrap();
    }
}
