#!/usr/bin/env bash
# What makes each of the three wasm files large (issue 17, item 7): the app (`app`), the computing
# worker (`worker`) and the first view (`boot`).
#
# Builds the release twice with Trunk, exactly as `trunk build --release` does (index.html and
# Trunk.toml decide features, wasm-bindgen target and `wasm-opt -Oz`):
#   1. the shipped build, whose names wasm-opt strips: its raw and gzip (-9) sizes are the ones a
#      user downloads;
#   2. the same build with function names kept (a wasm-opt wrapper adds --debuginfo, as
#      `scripts/bench.sh --profile` does; the code is optimized the same way), which twiggy reads.
# Cargo's artifacts are shared, so the second build only reruns wasm-bindgen and wasm-opt.
#
# Then for each file it prints:
#   - raw / gzip size of the shipped file (and the named file's size, for reference);
#   - size per crate: every function attributed to a crate by its demangled path
#     (`swplan_engine::…`, `<yew::… as …>`, `core::ptr::drop_in_place<swplan_plans::…>` → the type's
#     crate; generic std code → core/alloc/std; wasm-bindgen glue, imports, tables, data segments
#     (`.rodata.N`, which no name ties to a crate) each a row of their own); own (shallow) sizes, so
#     the rows add up to the file minus its name section; plus, per crate, what it retains in
#     twiggy's dominator tree. Yew function components' bodies, which Yew inlines into its generic
#     `CompStateInner<COMP>`, are a row of their own (the project's UI code; with --v0 they go to
#     the component's crate and module);
#   - the project's own crates by module (the old single crate's modules map onto the workspace);
#   - the top N items by retained size (twiggy's dominator tree; exports and the function table
#     left out) and by own size (`twiggy top`), each with its crate. Twiggy sees few references
#     from code to data, so most data segments count as unreachable and retained sizes are code;
#   - `twiggy dominators` eight levels deep (40 rows): who keeps the big items alive;
#   - `twiggy dominators` eight levels deep (40 rows): who keeps the big items alive;
#   - what the data segments hold: bytes of CJK text and the longest printable runs (embedded
#     presets, wording tables).
#
# Usage:
#   scripts/wasm-size.sh [--no-build] [--top N] [--root DIR] [--only app|worker|boot]
#     --no-build   measure the builds already in $OUT (default <root>/target/wasm-size)
#     --top N      rows per list (default 10)
#     --root DIR   measure another checkout of the project (e.g. an older commit in its own git
#                  worktree, single-crate layout included: the script only needs its index.html)
#     --only NAME  report one file only
#     --v0         name the named build's symbols with Rust's v0 mangling, which keeps generic
#                  arguments, so Yew's per-component copies and std code instantiated for a type
#                  are attributed to the component or type (a full rebuild into $OUT/cargo-v0,
#                  about as long as a clean release build; its dist is $OUT/named-v0)
#   OUT=/tmp/x scripts/wasm-size.sh   builds into /tmp/x/ship and /tmp/x/named
#
# Idempotent: it only writes under $OUT (two Trunk dist folders and the twiggy reports) and, if
# missing, installs twiggy $TWIGGY_VERSION with cargo. Needs trunk, wasm-bindgen, wasm-opt
# (scripts/setup.sh installs them), gzip and python3.
set -euo pipefail
TWIGGY_VERSION=0.8.0

here=$(cd "$(dirname "$0")/.." && pwd)
root=$here
build=1
top=10
only=""
v0=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --v0) v0=1 ;;
    --top) top=$2; shift ;;
    --root) root=$(cd "$2" && pwd); shift ;;
    --only) only=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
cd "$root"
# The project's tools: cargo's bin folder, then this checkout's (or the script's) node_modules.
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$here/node_modules/.bin:$PATH"
OUT=$(realpath -m "${OUT:-$root/target/wasm-size}")
SHIP="$OUT/ship"
NAMED="$OUT/named"
named_env=()
if [ "$v0" = 1 ]; then
  # v0 symbol names carry generic arguments (CompStateInner<swplan_web::pool_view::PoolView>,
  # drop_in_place::<swplan_plans::state::State>): a full rebuild, in its own target folder so the
  # ordinary release build's cache stays valid.
  NAMED="$OUT/named-v0"
  named_env=(CARGO_TARGET_DIR="$OUT/cargo-v0" RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-C symbol-mangling-version=v0")
fi

say() { printf '\033[1m[wasm-size]\033[0m %s\n' "$*" >&2; }

for tool in python3 gzip; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done
if ! twiggy --version 2>/dev/null | grep -qx "twiggy\(-opt\)\{0,1\} $TWIGGY_VERSION"; then
  say "installing twiggy $TWIGGY_VERSION (about 2 minutes)"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi

if [ "$build" = 1 ]; then
  for tool in trunk wasm-bindgen wasm-opt; do
    command -v "$tool" >/dev/null || { echo "needs $tool: run scripts/setup.sh" >&2; exit 1; }
  done
  say "shipped release build into $SHIP"
  trunk build --release --dist "$SHIP"
  # The same build with names: a wasm-opt in front of the real one adds --debuginfo.
  real=$(command -v wasm-opt)
  shim=$(mktemp -d)
  trap 'rm -rf "$shim"' EXIT
  cat >"$shim/wasm-opt" <<EOF
#!/bin/sh
for a in "\$@"; do [ "\$a" = "--version" ] && exec "$real" "\$@"; done
exec "$real" "\$@" --debuginfo
EOF
  chmod +x "$shim/wasm-opt"
  say "the same build with function names into $NAMED"
  env "${named_env[@]}" PATH="$shim:$PATH" trunk build --release --dist "$NAMED"
fi

# dist holds app-<hash>_bg.wasm, worker_bg.wasm, boot_bg.wasm (names depend on Trunk's hashing).
find_wasm() { # dir name
  local f
  f=$(find "$1" -maxdepth 1 \( -name "$2_bg.wasm" -o -name "$2-*_bg.wasm" \) -print -quit 2>/dev/null || true)
  [ -n "$f" ] || { echo "no $2 wasm in $1 (build first, without --no-build)" >&2; exit 1; }
  echo "$f"
}

names=(app worker boot)
[ -n "$only" ] && names=("$only")
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')
dirty=$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null || true)
[ -n "$dirty" ] && dirty=" (with uncommitted changes)"
echo "# wasm sizes of $root at $rev$dirty"
printf '\n| file | shipped raw | shipped gzip -9 | named build raw |\n|---|---:|---:|---:|\n'
for n in "${names[@]}"; do
  s=$(find_wasm "$SHIP" "$n"); m=$(find_wasm "$NAMED" "$n")
  printf '| %s | %s | %s | %s |\n' "$n" "$(stat -c %s "$s")" "$(gzip -9 -c "$s" | wc -c)" "$(stat -c %s "$m")"
done

tw="$OUT/twiggy"
[ "$v0" = 1 ] && tw="$OUT/twiggy-v0"
mkdir -p "$tw"
for n in "${names[@]}"; do
  m=$(find_wasm "$NAMED" "$n")
  twiggy top -n 100000000 -f json "$m" >"$tw/$n.top.json"
  twiggy dominators -f json "$m" >"$tw/$n.dominators.json"
  twiggy dominators -d 8 -r 40 "$m" >"$tw/$n.dominators.txt"
  echo
  echo "## $n ($(basename "$m"), named build; twiggy reports in $tw/$n.*)"
  python3 - "$tw/$n.top.json" "$tw/$n.dominators.json" "$m" "$top" <<'PY'
import json, re, sys

top_path, dom_path, wasm_path, top = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

STD = {"core", "alloc", "std", "compiler_builtins", "__rustc", "dlmalloc"}
NAMES = ('"function names" subsection', '"data names" subsection', '"local names" subsection',
         '"global names" subsection', '"module name" subsection', '"type names" subsection',
         '"table names" subsection', '"memory names" subsection', '"elem names" subsection')

def clean(name):
    # v0-style demangling leaves crate disambiguators: core[c5930c85a12de822]::… → core::…
    return re.sub(r"\[[0-9a-f]{12,16}\]", "", name)

def subject(name):
    """The path an item is about: the component of a Yew wrapper, the type of drop glue."""
    m = re.match(r"<yew::html::component::(?:lifecycle::(?:CompStateInner|CreateRunner|UpdateRunner"
                 r"|DestroyRunner|PropsUpdateRunner)|scope::Scope)<(.*?)> as ", name)
    if m and m.group(1) != "COMP":
        m2 = re.match(r"yew::functional::FunctionComponent<(.*)>$", m.group(1))
        return m2.group(1) if m2 else m.group(1)
    m = re.match(r"core::ptr::drop_in_place:{0,2}<(.*)>(::h[0-9a-f]+)?$", name)
    return m.group(1) if m else name

def crate_of(name):
    """The crate an item's size belongs to, read from its demangled name."""
    name = clean(name)
    if name.startswith("data segment") or re.fullmatch(r"data\[\d+\]", name):
        return "(data segments)"
    if name.startswith(("import ", "export ", "table[", "elem[", "type[", "global[", "memory[", "func[")) \
            or name.endswith(" section headers") or name in ("wasm magic bytes", "start"):
        return "(wasm: imports, exports, tables, headers)"
    if name.startswith("custom section") or name in NAMES:
        return "(custom sections)"
    if re.fullmatch(r"code\[\d+\]", name):
        return "(unnamed code: bindgen/wasm-opt made)"
    if name.startswith(("__wbg", "__wbindgen", "__externref", "__wasm_bindgen", "wasm_bindgen__")):
        return "wasm_bindgen"
    if name in ("main", "__main_void") or name.startswith("__original_main"):
        return "(entry point)"
    if name.startswith("<yew::html::component::lifecycle::CompStateInner<COMP>"):
        # Yew inlines each function component's body (its html!, hooks and callbacks) into this
        # generic: the project's UI code under yew's name, one copy per component. With --v0 the
        # name says which component, and the copy goes to the component's crate.
        return "(our components, in yew CompStateInner<COMP>)"
    s = subject(name)
    for _ in range(4):
        s = s.lstrip("<&*[( ")
        for prefix in ("mut ", "const ", "dyn ", "impl "):
            if s.startswith(prefix):
                s = s[len(prefix):]
    m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)::", s)
    if not m and " as " in s:
        # <u64 as itoa::Unsigned>, <T as alloc::…>: a primitive or generic type, the trait's crate.
        m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)::", s.split(" as ", 1)[1].lstrip("<&*[( "))
    if not m and re.match(r"(char|str|bool|[iuf](8|16|32|64|128|size)|\[.*\])>::", s):
        return "core/alloc/std"  # <char>::escape_debug_ext
    if not m:
        if re.match(r"(mem(cpy|move|set|cmp)|__[a-z0-9_]+|f?mod|pow|exp|log|sin|cos|floor|ceil|round"
                    r"|trunc|fmax|fmin|sqrt|u8|u16|u32|u64|usize|i8|i16|i32|i64|isize|f32|f64|char|str"
                    r"|bool|_\]|\(|\])", s):
            return "core/alloc/std"
        return "(other)"
    crate = m.group(1)
    if crate in STD:
        return "core/alloc/std"
    return crate

items = [dict(it, name=clean(it["name"])) for it in json.load(open(top_path))]
items = [it for it in items if not it["name"].startswith(("Σ", "... and"))]
names_bytes = sum(it["shallow_size"] for it in items if it["name"] in NAMES)
items = [it for it in items if it["name"] not in NAMES]
total = sum(it["shallow_size"] for it in items)

# The dominator tree: an item's retained size is what would go with it. Per crate, the retained
# size of its top-most items (those no other item of the same crate dominates) counts the generic
# std/serde code instantiated only for it too; these overlap between crates and do not add up.
dom = json.load(open(dom_path))
dom = dom["items"] if isinstance(dom, dict) else dom
parent, retained = {}, {}
crate_ret = {}
def walk(node, chain_crates, par):
    name = clean(node["name"])
    c = crate_of(name)
    retained[name] = node.get("retained_size", 0)
    parent[name] = par
    if c not in chain_crates and (not c.startswith("(") or c.startswith("(our")):
        crate_ret[c] = crate_ret.get(c, 0) + node.get("retained_size", 0)
    for ch in node.get("children", []) or []:
        walk(ch, chain_crates | {c}, name)
for root in dom:
    walk(root, frozenset(), None)

per = {}
for it in items:
    c = crate_of(it["name"])
    acc = per.setdefault(c, [0, 0])
    acc[0] += it["shallow_size"]
    acc[1] += 1
print(f"\nSize per crate. Own bytes: the crate's functions (generic std code counted as core/alloc/std),"
      f" summing to the file without its {names_bytes} bytes of names. With what only it uses: retained"
      " through the dominator tree (includes std/serde code monomorphised for it; rows overlap).\n")
print("| crate | own bytes | own % | items | with what only it uses |\n|---|---:|---:|---:|---:|")
for c, (sh, k) in sorted(per.items(), key=lambda kv: -kv[1][0]):
    if sh * 1000 < total:  # under 0.1 %
        continue
    r = crate_ret.get(c)
    print(f"| {c} | {sh} | {100*sh/total:.1f} | {k} | {r if r is not None else ''} |")
small = [(c, v) for c, v in per.items() if v[0] * 1000 < total]
if small:
    print(f"| ({len(small)} crates under 0.1 % each: {', '.join(sorted(c for c, _ in small))[:80]}) "
          f"| {sum(v[0] for _, v in small)} | | {sum(v[1] for _, v in small)} | |")
print(f"| total | {total} | 100 | {len(items)} | |")

# The project's own crates (swplan, swplan_*) by module: the old single crate's modules map onto
# the workspace's crates (model → engine, i18n → words, ui → web …).
mods = {}
for it in items:
    n = subject(it["name"]).lstrip("<&*[( ")
    m = re.match(r"(swplan[A-Za-z0-9_]*|app|boot|worker)::([A-Za-z0-9_]+)", n)
    if m and crate_of(it["name"]) == m.group(1):
        key = m.group(1) + "::" + m.group(2)
        mods[key] = mods.get(key, 0) + it["shallow_size"]
if mods:
    print("\nThe project's crates by module (own bytes, the largest 15):\n")
    print("| module | own bytes |\n|---|---:|")
    for k, v in sorted(mods.items(), key=lambda kv: -kv[1])[:15]:
        print(f"| {k} | {v} |")

def short(name, width=100):
    name = re.sub(r"::h[0-9a-f]{16}$", "", name)
    return name if len(name) <= width else name[: width - 1] + "…"

def is_root(name):
    return crate_of(name).startswith(("(wasm", "(custom"))

def owner(name):
    p = parent.get(name)
    while p is not None and is_root(p):
        p = parent.get(p)
    return short(p, 60) if p and p != "<meta root>" else "(root)"

print(f"\nTop {top} by retained size (what would go with the item; exports and the function table "
      "left out), with the item that dominates it:\n")
print("| retained | own | crate | item | kept alive by |\n|---:|---:|---|---|---|")
ranked = sorted((it for it in items if not is_root(it["name"])), key=lambda it: -retained.get(it["name"], it.get("retained_size", 0)))
for it in ranked[:top]:
    n = it["name"]
    print(f"| {retained.get(n, 0)} | {it['shallow_size']} | {crate_of(n)} | `{short(n)}` | `{owner(n)}` |")

print(f"\nTop {top} by own size:\n")
print("| own | crate | item |\n|---:|---|---|")
for it in sorted(items, key=lambda it: -it["shallow_size"])[:top]:
    print(f"| {it['shallow_size']} | {crate_of(it['name'])} | `{short(it['name'])}` |")

# The data segments: how much is Chinese text, and the longest printable runs (tables, JSON).
data = open(wasm_path, "rb").read()
def section(data, want):
    i = 8
    while i < len(data):
        sid = data[i]; i += 1
        size = shift = 0
        while True:
            b = data[i]; i += 1
            size |= (b & 0x7F) << shift; shift += 7
            if b < 0x80:
                break
        if sid == want:
            return data[i:i + size]
        i += size
    return b""
seg = section(data, 11)
cjk = sum(len(m.group(0)) for m in re.finditer(rb"(?:[\xe3-\xe9][\x80-\xbf]{2}|\xef[\xbc-\xbf][\x80-\xbf])+", seg))
print(f"\nData section: {len(seg)} bytes, of which {cjk} bytes are CJK text (UTF-8, 3 bytes a character).")
runs = sorted(re.finditer(rb"(?:[\x20-\x7e\t\n]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}){300,}", seg),
              key=lambda m: -len(m.group(0)))[:5]
if runs:
    print("Longest text runs in the data (a run ends at the first byte that is not text):\n")
    for m in runs:
        head = m.group(0)[:60].decode("utf-8", "replace").replace("\n", " ").replace("|", "/").replace("`", "'")
        print(f"- {len(m.group(0))} bytes: `{head}`")
PY
  echo
  echo "Dominator tree (twiggy dominators -d 8 -r 40; the full tree is in $tw/$n.dominators.json):"
  echo '```'
  cut -c1-170 "$tw/$n.dominators.txt"
  echo '```'
done
