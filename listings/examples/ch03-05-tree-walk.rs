//! Two async functions that call themselves: one awaits itself, one spawns itself.
use std::sync::Arc;

use futures::future::{BoxFuture, FutureExt};

struct Node {
    value: u32,
    children: Vec<Arc<Node>>,
}

fn node(value: u32, children: Vec<Arc<Node>>) -> Arc<Node> {
    Arc::new(Node { value, children })
}

// Awaiting itself: the box gives the future a size, which E0733 asks for.
async fn depth(node: &Node) -> u32 {
    let mut deepest = 0;
    for child in &node.children {
        deepest = deepest.max(Box::pin(depth(child)).await);
    }
    deepest + 1
}

// Spawning itself: the return type says `Send`, which the compiler cannot
// work out for a future that contains itself.
fn sum(node: Arc<Node>) -> BoxFuture<'static, u32> {
    async move {
        let handles: Vec<_> = node
            .children
            .iter()
            .map(|child| tokio::spawn(sum(Arc::clone(child))))
            .collect();
        let mut total = node.value;
        for handle in handles {
            total += handle.await.expect("a walk panicked");
        }
        total
    }
    .boxed()
}

#[tokio::main]
async fn main() {
    let tree = node(
        1,
        vec![
            node(2, vec![node(4, vec![]), node(5, vec![])]),
            node(3, vec![node(6, vec![node(7, vec![])])]),
        ],
    );
    println!("depth: {}", depth(&tree).await);
    println!("sum: {}", sum(tree).await);
}
