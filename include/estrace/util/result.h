// util: a value or a one-line error a user can act on (std::expected arrives with C++23).
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace estrace {

struct Error {
  std::string message;  // one line, without the "estrace: " prefix
};

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}              // NOLINT: implicit like std::expected
  Result(Error error) : error_(std::move(error.message)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  T& operator*() { return *value_; }
  T* operator->() { return &*value_; }
  const std::string& error() const { return error_; }

 private:
  std::optional<T> value_;
  std::string error_;
};

}  // namespace estrace
