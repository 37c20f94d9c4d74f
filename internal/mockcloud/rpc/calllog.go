package rpc

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"
)

// What one call record may hold. A longer string (the action, the version, a parameter's name
// or value) is cut to MaxLoggedStringBytes bytes, at a character boundary, followed by
// TruncatedSuffix and its original size; parameters beyond MaxLoggedParams (in name order)
// are left out. Either way the record's Truncated is true. The product always sees the whole
// request: only the log is shortened.
const (
	// MaxLoggedStringBytes bounds every string a call record keeps.
	MaxLoggedStringBytes = 1024
	// MaxLoggedParams bounds how many parameters a call record keeps.
	MaxLoggedParams = 64
	// TruncatedSuffix starts what follows a shortened string: "...[truncated, 901234 bytes]".
	TruncatedSuffix = "...[truncated, "
)

// recordOverhead approximates the memory of a record beyond its strings (the struct, the
// map's header), and paramOverhead that of one map entry; the byte budget counts them.
const (
	recordOverhead = 256
	paramOverhead  = 48
)

// CallLogInfo describes the whole call log, beside a page of it.
type CallLogInfo struct {
	// Dropped is how many of the oldest records the limits (count or bytes) dropped.
	Dropped int
	// LastSeq is the Seq of the newest record, 0 before the first call.
	LastSeq uint64
	// Records is how many records the log holds.
	Records int
	// Bytes is the log's size as its byte budget counts it.
	Bytes int64
}

// callLog holds the most recent call records, oldest first, within a count and a byte
// budget (zero means no bound).
type callLog struct {
	maxRecords int
	maxBytes   int64
	records    []CallRecord
	sizes      []int64 // sizes[i] is records[i]'s size
	bytes      int64
	dropped    int
	lastSeq    uint64
}

// add numbers rec, appends it and drops the oldest records while the log is over a bound (it
// always keeps the newest record, even one larger than the byte budget).
func (l *callLog) add(rec CallRecord) {
	l.lastSeq++
	rec.Seq = l.lastSeq
	size := rec.size()
	l.records = append(l.records, rec)
	l.sizes = append(l.sizes, size)
	l.bytes += size
	for len(l.records) > 1 && (l.maxRecords > 0 && len(l.records) > l.maxRecords || l.maxBytes > 0 && l.bytes > l.maxBytes) {
		l.bytes -= l.sizes[0]
		l.records[0] = CallRecord{} // let the dropped strings be collected
		l.records, l.sizes = l.records[1:], l.sizes[1:]
		l.dropped++
	}
}

// page copies out, oldest first, the records whose Seq is greater than since, at most limit
// of them (all when limit is zero or less).
func (l *callLog) page(since uint64, limit int) []CallRecord {
	first := sort.Search(len(l.records), func(i int) bool { return l.records[i].Seq > since })
	rest := l.records[first:]
	if limit > 0 && len(rest) > limit {
		rest = rest[:limit]
	}
	if len(rest) == 0 {
		return nil
	}
	// Records are never changed once logged (their Params maps included), so a shallow copy
	// is a safe snapshot.
	return append([]CallRecord(nil), rest...)
}

// info describes the log.
func (l *callLog) info() CallLogInfo {
	return CallLogInfo{Dropped: l.dropped, LastSeq: l.lastSeq, Records: len(l.records), Bytes: l.bytes}
}

// size is what a record counts against the byte budget.
func (r *CallRecord) size() int64 {
	n := recordOverhead + len(r.Action) + len(r.Version) + len(r.RequestId) + len(r.Code)
	for k, v := range r.Params {
		n += paramOverhead + len(k) + len(v)
	}
	return int64(n)
}

// shorten returns a copy of s cut to MaxLoggedStringBytes at a character boundary, with the
// marker, and whether it cut anything. It always copies: a string parsed from a request
// shares the memory of the whole query or body, which the log would otherwise keep alive
// (a 10-byte value pinning a megabyte).
func shorten(s string) (string, bool) {
	if len(s) <= MaxLoggedStringBytes {
		return strings.Clone(s), false
	}
	cut := MaxLoggedStringBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("%s%d bytes]", TruncatedSuffix, len(s)), true
}

// setShortened sets the record's Action, Version and Params from a request's parameters
// (first value of each parameter the log may show), within the bounds above.
func (r *CallRecord) setShortened(action, version string, params url.Values) {
	var cut bool
	r.Action, cut = shorten(action)
	r.Truncated = r.Truncated || cut
	r.Version, cut = shorten(version)
	r.Truncated = r.Truncated || cut

	names := make([]string, 0, len(params))
	for k, vs := range params {
		if (!commonParams[k] || loggedCommonParams[k]) && len(vs) > 0 {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	if len(names) > MaxLoggedParams {
		names = names[:MaxLoggedParams]
		r.Truncated = true
	}
	r.Params = make(map[string]string, len(names))
	for _, k := range names {
		name, cutName := shorten(k)
		value, cutValue := shorten(params[k][0])
		r.Params[name] = value
		r.Truncated = r.Truncated || cutName || cutValue
	}
}
