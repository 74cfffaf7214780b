#pragma once
// Options every client socket gets before it connects.
#include <zmq.hpp>

#include "jiujin/client/connection.hpp"

namespace jiujin::client::detail {

inline void prepareSocket(zmq::socket_t& socket, const ConnectionOptions& options) {
  socket.set(zmq::sockopt::linger, 0);
  if (options.curve) {
    socket.set(zmq::sockopt::curve_serverkey, options.curve->serverKey);
    socket.set(zmq::sockopt::curve_publickey, options.curve->publicKey);
    socket.set(zmq::sockopt::curve_secretkey, options.curve->secretKey);
  }
}

}  // namespace jiujin::client::detail
