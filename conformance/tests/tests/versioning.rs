//! versioning/* and type/union

mod support;
