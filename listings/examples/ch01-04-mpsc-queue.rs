//! Ten producer threads send ten items each over one channel; main receives them.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();

    let received: Vec<(u32, u32)> = thread::scope(|s| {
        for producer in 0..10 {
            let tx = tx.clone(); // one sender per producer
            s.spawn(move || {
                for item in 0..10 {
                    tx.send((producer, item)).unwrap();
                }
            }); // this producer's sender is dropped when its thread ends
        }
        drop(tx); // main's own sender: once every sender is gone, the channel closes

        // Receives while the producers run; ends once every sender is gone and
        // the channel is empty.
        rx.iter().collect()
    });

    let first: Vec<String> = received[..12]
        .iter()
        .map(|(p, i)| format!("{p}.{i}"))
        .collect();
    println!("First 12 received (producer.item): {}", first.join(" "));
    println!("Received {} items", received.len());
    for producer in 0..10 {
        let items: Vec<u32> = received
            .iter()
            .filter(|(p, _)| *p == producer)
            .map(|(_, i)| *i)
            .collect();
        assert_eq!(
            items,
            (0..10).collect::<Vec<_>>(),
            "each producer's items arrive in order"
        );
    }
    println!("Each producer's 10 items arrived in the order it sent them");
}
