//! One module per subcommand. Each resolves its arguments, assembles input,
//! calls the API and hands the reply to the output layer.

pub mod ask;
