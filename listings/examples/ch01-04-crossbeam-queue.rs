//! The same 100 items through a bounded crossbeam channel, now with two consumers.
use crossbeam::channel::bounded;
use std::thread;

fn main() {
    // At most 8 items wait in the queue: a producer that finds it full blocks.
    let (tx, rx) = bounded::<(u32, u32)>(8);

    thread::scope(|s| {
        for producer in 0..10 {
            let tx = tx.clone();
            s.spawn(move || {
                for item in 0..10 {
                    tx.send((producer, item)).unwrap();
                }
            });
        }
        drop(tx);

        // Receivers can be cloned too: two consumers share the queue.
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                let rx = rx.clone();
                s.spawn(move || rx.iter().count())
            })
            .collect();
        let counts: Vec<usize> = consumers.into_iter().map(|c| c.join().unwrap()).collect();
        println!(
            "Consumer 1 got {} items, consumer 2 got {}",
            counts[0], counts[1]
        );
        println!("Total: {}", counts.iter().sum::<usize>());
    });
}
