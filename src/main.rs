fn main() -> std::process::ExitCode {
    recense::cli::run()
}
