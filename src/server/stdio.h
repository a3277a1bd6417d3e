#pragma once
// The server's main loop: bytes from `input` to framed messages, answers to
// `output`, linting whenever no message is waiting.

#include "server/language_server.h"

namespace digestlint::server {

/// Serves until `exit` or the end of input; returns the exit status
/// (0 after shutdown then exit, else 1).
int RunServer(int input, int output, const ServerOptions& options = {});

}  // namespace digestlint::server
