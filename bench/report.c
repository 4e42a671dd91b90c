/* Turns the benchmark's raw results into bench/results/benchmark.md (the tables, the targets) and benchmark.svg (a
   chart of the ratios to C). Usage:
   report <results dir> <shared.csv> <static.csv> <static_bare.csv> <coldstart.csv> <sizes.csv> <rust built 0|1>
          <machine> <date> */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_EXPORTLIB, COL_C, COL_BARE, COL_RUST, COLUMNS };
static const char* const column_names[COLUMNS] = { "ExportLib", "C", "bare", "Rust" };

typedef struct {
    char variant[16];
    char name[96];
    char unit[16];
    double ns[COLUMNS];
    int has[COLUMNS];
} row;

static row rows[128];
static int row_count;
static int rust_built;

static row* find(const char* variant, const char* name)
{
    for (int i = 0; i < row_count; i++) {
        if (strcmp(rows[i].variant, variant) == 0 && strcmp(rows[i].name, name) == 0) return &rows[i];
    }
    return NULL;
}

/* Reads variant,case,unit,column,ns rows; only_column >= 0 keeps that column alone (the bare static program's C
   column belongs to another process, so the static table's C is the main static program's). */
static void read_rows(const char* path, int only_column)
{
    FILE* f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        exit(1);
    }
    char line[512];
    if (fgets(line, sizeof line, f) == NULL) exit(1); /* header */
    while (fgets(line, sizeof line, f) != NULL) {
        char* fields[5];
        int n = 0;
        for (char* p = strtok(line, ",\n"); p != NULL && n < 5; p = strtok(NULL, ",\n")) fields[n++] = p;
        if (n < 5) continue;
        int column = -1;
        for (int c = 0; c < COLUMNS; c++) {
            if (strcmp(fields[3], column_names[c]) == 0) column = c;
        }
        if (column < 0 || (only_column >= 0 && column != only_column)) continue;
        row* r = find(fields[0], fields[1]);
        if (r == NULL) {
            if (row_count == 128) break;
            r = &rows[row_count++];
            snprintf(r->variant, sizeof r->variant, "%s", fields[0]);
            snprintf(r->name, sizeof r->name, "%s", fields[1]);
            snprintf(r->unit, sizeof r->unit, "%s", fields[2]);
        }
        r->ns[column] = atof(fields[4]);
        r->has[column] = 1;
    }
    fclose(f);
}

static int compare_doubles(const void* a, const void* b)
{
    double x = *(const double*)a, y = *(const double*)b;
    return x < y ? -1 : x > y;
}

static double median(double* v, int n)
{
    if (n == 0) return NAN;
    qsort(v, (size_t)n, sizeof *v, compare_doubles);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

typedef struct {
    double dlopen_call_ms, first_call_ms, dlopen_ms, init_ms, after_init_call_us, rss_kib;
    int samples;
} coldstart;

static coldstart read_coldstart(const char* path, const char* library)
{
    coldstart cs = { 0 };
    double call_total[256], call_first[256], dl[256], init[256], after_init[256], rss[256];
    int nc = 0, ni = 0;
    FILE* f = fopen(path, "r");
    char line[256];
    while (f != NULL && fgets(line, sizeof line, f) != NULL) {
        char label[32], mode[16];
        double d, i, first, total, growth;
        if (sscanf(line, "%31[^,],%15[^,],%lf,%lf,%lf,%lf,%lf", label, mode, &d, &i, &first, &total, &growth) != 7) continue;
        if (strcmp(label, library) != 0) continue;
        if (strcmp(mode, "call") == 0 && nc < 256) {
            call_total[nc] = total / 1e6;
            call_first[nc] = first / 1e6;
            dl[nc] = d / 1e6;
            rss[nc] = growth;
            nc++;
        } else if (strcmp(mode, "init") == 0 && ni < 256) {
            init[ni] = i / 1e6;
            after_init[ni] = first / 1e3;
            ni++;
        }
    }
    if (f != NULL) fclose(f);
    cs.dlopen_call_ms = median(call_total, nc);
    cs.first_call_ms = median(call_first, nc);
    cs.dlopen_ms = median(dl, nc);
    cs.rss_kib = median(rss, nc);
    cs.init_ms = median(init, ni);
    cs.after_init_call_us = median(after_init, ni);
    cs.samples = nc;
    return cs;
}

static double size_of(const char* path, const char* label)
{
    FILE* f = fopen(path, "r");
    char line[256];
    double bytes = NAN;
    while (f != NULL && fgets(line, sizeof line, f) != NULL) {
        char* comma = strrchr(line, ',');
        if (comma == NULL) continue;
        *comma = '\0';
        if (strcmp(line, label) == 0) bytes = atof(comma + 1);
    }
    if (f != NULL) fclose(f);
    return bytes;
}

static const char* verdict(int met) { return met ? "met" : "**missed**"; }

static void cell(FILE* md, const row* r, int column)
{
    if (r->has[column]) fprintf(md, " %.2f ns |", r->ns[column]);
    else if (column == COL_RUST && !rust_built) fprintf(md, " not built |");
    else fprintf(md, " — |");
}

static void ratio_cell(FILE* md, const row* r, int column)
{
    if (r->has[COL_EXPORTLIB] && r->has[column] && r->ns[column] > 0) fprintf(md, " %.2f |", r->ns[COL_EXPORTLIB] / r->ns[column]);
    else fprintf(md, " — |");
}

int main(int argc, char** argv)
{
    if (argc < 10) {
        fprintf(stderr, "usage: %s <dir> <shared.csv> <static.csv> <static_bare.csv> <coldstart.csv> <sizes.csv> <rust built> <machine> <date>\n", argv[0]);
        return 2;
    }
    const char* dir = argv[1];
    read_rows(argv[2], -1);
    read_rows(argv[3], -1);
    read_rows(argv[4], COL_BARE);
    const char* coldstart_path = argv[5];
    const char* sizes_path = argv[6];
    rust_built = atoi(argv[7]);
    const char* machine = argv[8];
    const char* date = argv[9];
    const char* variants[] = { "shared", "static" };

    char path[1024];
    snprintf(path, sizeof path, "%s/benchmark.md", dir);
    FILE* md = fopen(path, "w");
    if (md == NULL) {
        perror(path);
        return 1;
    }
    fprintf(md, "# ExportLib benchmark\n\n%s, %s. Medians of interleaved rounds; every column of a table ran in the same "
                "process, except the bare peer's static archive, which needs a process of its own (two Native AOT "
                "runtimes cannot share an executable). Ratios below 1: ExportLib is faster. Regenerate with "
                "`cmake --build build --target benchmark`.\n\n", date, machine);
    fprintf(md, "Columns: **ExportLib**; **C**, plain C doing the same work (zlib and libxxhash for the hashes); **bare**, "
                "the same functions as bare Native AOT exports written the obvious way (no argument checks, no error "
                "reporting, GCHandle handles: `bench/peers/bare`), the floor of any C# library; **Rust**, the same "
                "functions as a cdylib/staticlib with the standard library only (`bench/peers/rust`; its CRC-32 is the "
                "crate-free byte-at-a-time table, and it has no XXH3)%s.\n\n", rust_built ? "" : "; **not built** here: cargo was not found");

    for (int v = 0; v < 2; v++) {
        fprintf(md, "## %s library (`libexportlib.%s`)\n\n", variants[v], v == 0 ? "so" : "a");
        fprintf(md, "| case | per | ExportLib | C | bare | Rust | ExportLib / C | ExportLib / bare | ExportLib / Rust |\n"
                    "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < row_count; i++) {
            const row* r = &rows[i];
            if (strcmp(r->variant, variants[v]) != 0 || strncmp(r->name, "first call in", 13) == 0 || strncmp(r->name, "rss", 3) == 0) continue;
            fprintf(md, "| %s | %s |", r->name, r->unit);
            for (int c = 0; c < COLUMNS; c++) cell(md, r, c);
            ratio_cell(md, r, COL_C);
            ratio_cell(md, r, COL_BARE);
            ratio_cell(md, r, COL_RUST);
            fprintf(md, "\n");
        }
        const row* life = find(variants[v], "create + to_upper + free");
        const row* three = find(variants[v], "three empty exports (the lifecycle's floor)");
        if (life != NULL && three != NULL) {
            fprintf(md, "\nThe lifecycle on top of its three crossings: ExportLib %+.2f ns", life->ns[COL_EXPORTLIB] - three->ns[COL_EXPORTLIB]);
            if (life->has[COL_BARE] && three->has[COL_BARE]) fprintf(md, ", bare %+.2f ns", life->ns[COL_BARE] - three->ns[COL_BARE]);
            if (life->has[COL_RUST] && three->has[COL_RUST]) fprintf(md, ", Rust %+.2f ns", life->ns[COL_RUST] - three->ns[COL_RUST]);
            fprintf(md, " (C's whole cycle: %.2f ns).\n", life->ns[COL_C]);
        }
        for (int c = 0; c < COLUMNS; c++) {
            const row* first = find(variants[v], "first call in the process");
            const row* rss = find(variants[v], "rss growth on the first call");
            if (first != NULL && rss != NULL && first->has[c] && rss->has[c]) {
                fprintf(md, "\nFirst call in the %s process (starts the runtime): %.3f ms; RSS grew by %.0f KiB.\n", column_names[c], first->ns[c] / 1e6, rss->ns[c]);
            }
        }
        fprintf(md, "\n");
    }

    fprintf(md, "## Start-up (dlopen + first call in a fresh process, median of the samples)\n\n");
    fprintf(md, "| library | samples | dlopen + first call | of which dlopen | of which the first call | RSS growth |\n|---|---:|---:|---:|---:|---:|\n");
    const char* libraries[] = { "ExportLib", "bare", "Rust" };
    coldstart ours = read_coldstart(coldstart_path, "ExportLib");
    for (int l = 0; l < 3; l++) {
        coldstart cs = read_coldstart(coldstart_path, libraries[l]);
        if (cs.samples == 0) {
            fprintf(md, "| %s | 0 | not built | | | |\n", libraries[l]);
            continue;
        }
        fprintf(md, "| %s | %d | %.3f ms | %.3f ms | %.3f ms | %.0f KiB |\n", libraries[l], cs.samples, cs.dlopen_call_ms, cs.dlopen_ms, cs.first_call_ms, cs.rss_kib);
    }
    fprintf(md, "\nExportLib: `el_init()` right after dlopen %.3f ms, a call after it %.1f us.\n\n", ours.init_ms, ours.after_init_call_us);

    fprintf(md, "## Stripped sizes\n\n| file | size |\n|---|---:|\n");
    const char* files[] = { "ExportLib .so", "ExportLib .a", "bare .so", "Rust .so" };
    for (int f = 0; f < 4; f++) {
        double bytes = size_of(sizes_path, files[f]);
        if (isnan(bytes)) fprintf(md, "| %s | not built |\n", files[f]);
        else fprintf(md, "| %s | %.2f MB |\n", files[f], bytes / 1e6);
    }
    fprintf(md, "\n");

    /* Targets (issues "Benchmarks" and "Performance"). */
    fprintf(md, "## Targets\n\n| target | shared | static |\n|---|---|---|\n");
    fprintf(md, "| lifecycle within 15 ns of three crossings |");
    for (int v = 0; v < 2; v++) {
        const row* life = find(variants[v], "create + to_upper + free");
        const row* three = find(variants[v], "three empty exports (the lifecycle's floor)");
        double over = life->ns[COL_EXPORTLIB] - three->ns[COL_EXPORTLIB];
        fprintf(md, " %s (%+.2f ns) |", verdict(over <= 15.0), over);
    }
    fprintf(md, "\n");
    const char* trivial[] = { "el_rgba_pack", "el_point_scale", "el_example_sum" };
    for (int t = 0; t < 3; t++) {
        fprintf(md, "| %s within 10 %% or 0.5 ns of the empty export |", trivial[t]);
        for (int v = 0; v < 2; v++) {
            const row* floor_row = find(variants[v], "empty export (el_debug_noop)");
            const row* r = find(variants[v], trivial[t]);
            double over = r->ns[COL_EXPORTLIB] - floor_row->ns[COL_EXPORTLIB];
            fprintf(md, " %s (%+.2f ns) |", verdict(over <= fmax(0.5, 0.1 * floor_row->ns[COL_EXPORTLIB])), over);
        }
        fprintf(md, "\n");
    }
    fprintf(md, "| validated-handle call within 2 ns of the empty export |");
    for (int v = 0; v < 2; v++) {
        double over = find(variants[v], "el_context_is_upper (validated handle)")->ns[COL_EXPORTLIB] - find(variants[v], "empty export (el_debug_noop)")->ns[COL_EXPORTLIB];
        fprintf(md, " %s (%+.2f ns) |", verdict(over <= 2.0), over);
    }
    fprintf(md, "\n");
    struct { const char* name; const char* label; double max_ratio; } ratio_targets[] = {
        { "create + to_upper + free", "handle lifecycle <= 2x C (below the floor: three crossings cost more than C's whole cycle)", 2.0 },
        { "el_map_i32 (n = 1024)", "el_map_i32 <= 3x C per element", 3.0 },
        { "el_crc32 (1 MiB)", "el_crc32 1 MiB >= 2x zlib (ratio <= 0.5)", 0.5 },
        { "el_crc32 chained (1 KiB blocks)", "el_crc32 chained 1 KiB >= 1.5x zlib (ratio <= 0.667)", 1 / 1.5 },
        { "el_xxh3_64 (1 MiB)", "el_xxh3_64 1 MiB >= 1.5x libxxhash (ratio <= 0.667)", 1 / 1.5 },
    };
    for (size_t t = 0; t < sizeof ratio_targets / sizeof ratio_targets[0]; t++) {
        fprintf(md, "| %s |", ratio_targets[t].label);
        for (int v = 0; v < 2; v++) {
            const row* r = find(variants[v], ratio_targets[t].name);
            double ratio = r->ns[COL_EXPORTLIB] / r->ns[COL_C];
            fprintf(md, " %s (%.2f) |", verdict(ratio <= ratio_targets[t].max_ratio), ratio);
        }
        fprintf(md, "\n");
    }
    double so_bytes = size_of(sizes_path, "ExportLib .so");
    fprintf(md, "| dlopen + first call <= 0.8 ms | %s (%.3f ms) | n/a |\n", verdict(ours.dlopen_call_ms <= 0.8), ours.dlopen_call_ms);
    fprintf(md, "| stripped .so <= 1.5 MB | %s (%.2f MB) | n/a |\n", verdict(so_bytes <= 1.5e6), so_bytes / 1e6);
    fprintf(md, "\n![ratios](benchmark.svg)\n");
    fclose(md);

    /* The chart: ExportLib / C per case on a log2 axis, shared and static side by side. */
    snprintf(path, sizeof path, "%s/benchmark.svg", dir);
    FILE* svg = fopen(path, "w");
    if (svg == NULL) {
        perror(path);
        return 1;
    }
    int n = 0;
    for (int i = 0; i < row_count; i++) {
        if (strcmp(rows[i].variant, "shared") == 0 && rows[i].has[COL_C] && rows[i].has[COL_EXPORTLIB] && strncmp(rows[i].name, "second", 6) != 0) n++;
    }
    const double left = 300, width = 520, top = 50, bar = 9, gap = 26;
    const double lo = -4, hi = 4; /* log2 range: 1/16x to 16x */
    double height = top + n * gap + 50;
    fprintf(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" font-family=\"sans-serif\" font-size=\"11\">\n", left + width + 40, height);
    fprintf(svg, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(svg, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">ExportLib / C, median time ratio (log scale; left of 1x: ExportLib faster)</text>\n");
    fprintf(svg, "<text x=\"10\" y=\"36\" fill=\"#555\">%s, %s</text>\n", date, machine);
    for (int e = (int)lo; e <= (int)hi; e++) {
        double x = left + (e - lo) / (hi - lo) * width;
        fprintf(svg, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"%s\"/>\n", x, top - 5, x, top + n * gap, e == 0 ? "#000" : "#ddd");
        fprintf(svg, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%gx</text>\n", x, top + n * gap + 15, pow(2, e));
    }
    int k = 0;
    for (int i = 0; i < row_count; i++) {
        const row* s = &rows[i];
        if (strcmp(s->variant, "shared") != 0 || !s->has[COL_C] || !s->has[COL_EXPORTLIB] || strncmp(s->name, "second", 6) == 0) continue;
        const row* st = find("static", s->name);
        double y = top + k * gap;
        fprintf(svg, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left - 8, y + bar + 4, s->name);
        const row* pair[2] = { s, st };
        const char* colors[2] = { "#3b6fb6", "#e08a2c" };
        for (int v = 0; v < 2; v++) {
            if (pair[v] == NULL || !pair[v]->has[COL_C] || pair[v]->ns[COL_C] <= 0) continue;
            double ratio = pair[v]->ns[COL_EXPORTLIB] / pair[v]->ns[COL_C];
            double l = fmin(hi, fmax(lo, log2(ratio)));
            double x0 = left + (0 - lo) / (hi - lo) * width, x1 = left + (l - lo) / (hi - lo) * width;
            fprintf(svg, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" fill=\"%s\"/>\n", fmin(x0, x1), y + v * bar, fabs(x1 - x0) + 0.5, bar - 1, colors[v]);
            fprintf(svg, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#333\" font-size=\"9\">%.2f</text>\n", fmax(x0, x1) + 3, y + v * bar + bar - 1, ratio);
        }
        k++;
    }
    fprintf(svg, "<rect x=\"%.0f\" y=\"%.0f\" width=\"10\" height=\"10\" fill=\"#3b6fb6\"/><text x=\"%.0f\" y=\"%.0f\">shared (.so)</text>\n", left, height - 20, left + 14, height - 11);
    fprintf(svg, "<rect x=\"%.0f\" y=\"%.0f\" width=\"10\" height=\"10\" fill=\"#e08a2c\"/><text x=\"%.0f\" y=\"%.0f\">static (.a)</text>\n", left + 110, height - 20, left + 124, height - 11);
    fprintf(svg, "</svg>\n");
    fclose(svg);
    printf("wrote %s/benchmark.md and %s/benchmark.svg\n", dir, dir);
    return 0;
}
