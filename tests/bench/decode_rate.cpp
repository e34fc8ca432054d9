// decode_rate [RECORDS [OUT [WORKLOAD]]]: how fast estrace's userspace turns records into lines,
// with no kernel in the way. Synthetic records, laid out as the drain thread hands them over
// (batches of two CPUs' runs), go through the merge, the decoder and the line writer into OUT
// (default /dev/null). Two workloads: getppid from two threads (the busiest case of
// scripts/bench.sh: no captures) and a file walk (openat with a path, read with data, close).
// Prints "WORKLOAD ns/record records/s" lines; scripts/bench.sh reports them.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "estrace/abi/event.h"
#include "estrace/decode/decoder.h"
#include "estrace/format/call_formatter.h"
#include "estrace/ingest/merger.h"
#include "estrace/ingest/ring_reader.h"
#include "estrace/output/sink.h"
#include "estrace/output/trace_writer.h"
#include "estrace/syscalls/catalogue.h"
#include "record_builder.h"

namespace {

using estrace::ingest::Batch;

struct Capture {
  uint8_t arg;
  uint8_t kind;
  std::string_view data;
};

// Appends one syscall record, as the BPF side lays it out (the unit tests' builder), to
// `batch`.
void add_call(Batch& batch, uint32_t tid, uint64_t ts, uint32_t nr, std::array<uint64_t, 6> args,
              int64_t ret, std::initializer_list<Capture> captures = {}) {
  estrace::testing::SyscallRecord rec(ES_REC_SYSCALL, tid, nr, ts);
  rec.ret(ret);
  for (int i = 0; i < 6; ++i) rec.arg(i, args[i]);
  for (const auto& c : captures) rec.capture(c.arg, c.kind, c.data);
  const std::vector<uint8_t>& bytes = rec.bytes();
  batch.bytes.insert(batch.bytes.end(), bytes.begin(), bytes.end());
  batch.records++;
}

uint32_t nr_of(const char* name) { return estrace::syscalls::number_of(name).value_or(0); }

// Batches of `per_batch` records: each CPU's run of calls, the two runs interleaved in time.
template <class MakeCall>
std::vector<Batch> make_batches(size_t records, size_t per_batch, MakeCall make) {
  std::vector<Batch> batches;
  uint64_t ts = 1'000'000'000;
  for (size_t done = 0; done < records;) {
    Batch& b = batches.emplace_back();
    for (int cpu = 0; cpu < 2; ++cpu) {
      b.run_starts.push_back(static_cast<uint32_t>(b.records));
      for (size_t i = 0; i < per_batch / 2 && done < records; ++i, ++done)
        make(b, 2000 + cpu, ts + i * 200 + cpu * 100, done);
    }
    ts += per_batch * 100;
  }
  return batches;
}

double run(std::vector<Batch> batches, size_t records, const char* out_path) {
  std::ofstream file(out_path, std::ios::binary);
  estrace::output::StreamSink sink(file);
  estrace::output::LineOptions lines;
  lines.pid_prefix_always = true;  // -f -o FILE
  lines.to_terminal_stream = false;
  estrace::output::TraceWriter writer(estrace::format::CallFormatter({}), lines, sink);
  estrace::decode::Decoder decoder;
  estrace::ingest::Merger merger;
  auto feed = [&](std::span<const uint8_t> r) { decoder.feed(r, writer); };
  auto start = std::chrono::steady_clock::now();
  for (auto& b : batches) {
    merger.add(std::move(b));
    merger.release(UINT64_MAX, feed);
    merger.recycle([](Batch&&) {});
  }
  sink.flush();
  std::chrono::duration<double, std::nano> took = std::chrono::steady_clock::now() - start;
  if (writer.calls_written() != records) {
    std::fprintf(stderr, "decode_rate: %zu records in, %llu lines out\n", records,
                 static_cast<unsigned long long>(writer.calls_written()));
    std::exit(1);
  }
  return took.count() / static_cast<double>(records);
}

void report(const char* name, double ns) {
  std::printf("%s %.1f ns/record %.2f M records/s\n", name, ns, 1e3 / ns);
}

}  // namespace

int main(int argc, char** argv) {
  const size_t records = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2'000'000;
  const char* out = argc > 2 ? argv[2] : "/dev/null";
  const std::string_view only = argc > 3 ? argv[3] : "";  // one workload (for profiling)
  const size_t per_batch = 2600;  // what a 256 KiB batch holds of getppid records

  const uint32_t getppid = nr_of("getppid");
  if (only.empty() || only == "getppid") {
    auto getppid_batches =
        make_batches(records, per_batch, [&](Batch& b, uint32_t tid, uint64_t ts, size_t) {
          add_call(b, tid, ts, getppid, {}, 1000);
        });
    report("getppid", run(std::move(getppid_batches), records, out));
  }
  if (!only.empty() && only != "file-walk") return 0;

  const uint32_t openat = nr_of("openat"), read = nr_of("read"), close = nr_of("close");
  const std::string data(64, 'x');
  auto walk_batches =
      make_batches(records, per_batch / 2, [&](Batch& b, uint32_t tid, uint64_t ts, size_t i) {
        switch (i % 3) {
          case 0:
            add_call(b, tid, ts, openat, {uint64_t(-100), 0x7ffd0000, 0x80000, 0, 0, 0}, 3,
                     {{1, ES_CAP_PATH, "/usr/share/doc/libc6/changelog.Debian.gz"}});
            break;
          case 1:
            add_call(b, tid, ts, read, {3, 0x7ffd1000, 4096, 0, 0, 0}, 64,
                     {{1, ES_CAP_BUF_RET, data}});
            break;
          default:
            add_call(b, tid, ts, close, {3, 0, 0, 0, 0, 0}, 0);
        }
      });
  report("file-walk", run(std::move(walk_batches), records, out));
  return 0;
}
