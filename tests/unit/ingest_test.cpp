// ingest: the merge puts records from several rings back into timestamp order.
#include <algorithm>
#include <cstring>
#include <vector>

#include <gtest/gtest.h>

#include "estrace/abi/event.h"
#include "estrace/ingest/merger.h"

namespace estrace::ingest {
namespace {

void append(Batch& batch, uint64_t ts, uint32_t tid) {
  es_exit_record rec{};
  rec.h.kind = ES_REC_EXIT;
  rec.h.size = sizeof rec;
  rec.h.ts = ts;
  rec.h.tid = tid;
  size_t at = batch.bytes.size();
  batch.bytes.resize(at + sizeof rec);
  std::memcpy(batch.bytes.data() + at, &rec, sizeof rec);
  batch.records++;
}

std::vector<uint64_t> release(Merger& m, uint64_t watermark) {
  std::vector<uint64_t> out;
  m.release(watermark, [&](std::span<const uint8_t> rec) {
    es_header h;
    std::memcpy(&h, rec.data(), sizeof h);
    out.push_back(h.ts);
  });
  return out;
}

TEST(Merger, InterleavesRingsByTimestampUpToTheWatermark) {
  Merger m;
  Batch cpu0, cpu1;
  append(cpu0, 10, 1);
  append(cpu0, 30, 1);
  append(cpu0, 50, 1);
  append(cpu1, 20, 2);
  append(cpu1, 40, 2);
  m.add(std::move(cpu0));
  m.add(std::move(cpu1));
  EXPECT_EQ(release(m, 35), (std::vector<uint64_t>{10, 20, 30}));
  EXPECT_EQ(m.pending(), 2u);
  // A late record older than what is pending still comes out in order.
  Batch late;
  append(late, 36, 3);
  m.add(std::move(late));
  EXPECT_EQ(release(m, UINT64_MAX), (std::vector<uint64_t>{36, 40, 50}));
}

// One batch holds a run per ring (RingReader marks where each starts); each run is nearly
// in order, and the batch as a whole is not.
TEST(Merger, MergesTheRingRunsOfOneBatch) {
  Merger m;
  Batch b;
  b.run_starts = {0, 3};
  for (uint64_t ts : {10, 30, 50}) append(b, ts, 1);  // ring 0
  for (uint64_t ts : {20, 25, 40}) append(b, ts, 2);  // ring 1
  m.add(std::move(b));
  EXPECT_EQ(release(m, UINT64_MAX), (std::vector<uint64_t>{10, 20, 25, 30, 40, 50}));
}

TEST(Merger, PutsARunInOrderHoweverDisorderedItIs) {
  Merger m;
  Batch nearly, reversed;
  nearly.run_starts = {0};
  for (uint64_t ts : {1, 3, 2, 4, 6, 5}) append(nearly, ts, 1);
  for (uint64_t ts = 600; ts > 0; ts -= 6) append(reversed, ts + 100, 2);  // no run_starts
  m.add(std::move(nearly));
  m.add(std::move(reversed));
  auto out = release(m, UINT64_MAX);
  ASSERT_EQ(out.size(), 106u);
  EXPECT_TRUE(std::is_sorted(out.begin(), out.end()));
  EXPECT_EQ((std::vector<uint64_t>(out.begin(), out.begin() + 6)),
            (std::vector<uint64_t>{1, 2, 3, 4, 5, 6}));
}

TEST(Merger, EqualTimestampsKeepArrivalOrder) {
  Merger m;
  Batch b;
  append(b, 5, 1);
  append(b, 5, 2);
  append(b, 5, 3);
  m.add(std::move(b));
  std::vector<uint32_t> tids;
  m.release_all([&](std::span<const uint8_t> rec) {
    es_header h;
    std::memcpy(&h, rec.data(), sizeof h);
    tids.push_back(h.tid);
  });
  EXPECT_EQ(tids, (std::vector<uint32_t>{1, 2, 3}));
}

// A batch whose records were all handed over comes back empty with its memory, once; one
// still holding records does not.
TEST(Merger, ReleasedBatchesAreRecycledEmpty) {
  Merger m;
  Batch early, later;
  append(early, 10, 1);
  append(later, 20, 2);
  early.bytes.reserve(4096);
  m.add(std::move(early));
  m.add(std::move(later));
  EXPECT_EQ(release(m, 15), (std::vector<uint64_t>{10}));
  std::vector<Batch> back;
  m.recycle([&](Batch&& b) { back.push_back(std::move(b)); });
  ASSERT_EQ(back.size(), 1u);
  EXPECT_TRUE(back[0].bytes.empty());
  EXPECT_EQ(back[0].records, 0u);
  EXPECT_GE(back[0].bytes.capacity(), 4096u);
  m.recycle([&](Batch&& b) { back.push_back(std::move(b)); });
  EXPECT_EQ(back.size(), 1u);  // handed back once
  EXPECT_EQ(release(m, UINT64_MAX), (std::vector<uint64_t>{20}));
}

TEST(Merger, BadFramingIsCountedAndStops) {
  Merger m;
  Batch b;
  append(b, 5, 1);
  reinterpret_cast<es_header*>(b.bytes.data())->size = 4;  // smaller than a header
  m.add(std::move(b));
  EXPECT_EQ(m.malformed(), 1u);
  EXPECT_EQ(m.pending(), 0u);
}

}  // namespace
}  // namespace estrace::ingest
