use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = vigil::cli::Cli::parse();
    match vigil::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("vigil: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
