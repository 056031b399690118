//! azure/core/*

mod support;
