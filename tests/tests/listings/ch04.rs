//! Chapter 4.
#[allow(unused_imports)]
use super::*;

listings! {}
