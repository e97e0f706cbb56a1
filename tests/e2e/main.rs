//! End-to-end tests, one binary: the binary cargo built, in a real terminal
//! (tmux, 80×24), driven key by key as a person would (`sandbox`).

mod sandbox;

mod actions;
mod communes;
mod dashboard;
mod exchange;
mod flow;
mod legitimize;
mod long_texts;
mod progress;
mod terminal;
mod together;
mod unchanged;
