/* Turns the benchmark's raw results into bench/results/benchmark.md (the table, the targets) and benchmark.svg (a
   chart of the ratios). Usage:
   report <results dir> <shared.csv> <static.csv> <coldstart.csv> <stripped .so bytes> <stripped .a bytes> <machine> <date> */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char variant[16];
    char name[96];
    char unit[16];
    double ours;
    double c;
} row;

static row rows[128];
static int row_count;

static void read_rows(const char* path)
{
    FILE* f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        exit(1);
    }
    char line[512];
    if (fgets(line, sizeof line, f) == NULL) exit(1); /* header */
    while (fgets(line, sizeof line, f) != NULL && row_count < 128) {
        row* r = &rows[row_count];
        char* fields[5];
        int n = 0;
        for (char* p = strtok(line, ",\n"); p != NULL && n < 5; p = strtok(NULL, ",\n")) fields[n++] = p;
        if (n < 5) continue;
        snprintf(r->variant, sizeof r->variant, "%s", fields[0]);
        snprintf(r->name, sizeof r->name, "%s", fields[1]);
        snprintf(r->unit, sizeof r->unit, "%s", fields[2]);
        r->ours = atof(fields[3]);
        r->c = atof(fields[4]);
        row_count++;
    }
    fclose(f);
}

static const row* find(const char* variant, const char* name)
{
    for (int i = 0; i < row_count; i++) {
        if (strcmp(rows[i].variant, variant) == 0 && strcmp(rows[i].name, name) == 0) return &rows[i];
    }
    return NULL;
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

static coldstart read_coldstart(const char* path)
{
    coldstart cs = { 0 };
    double call_total[256], call_first[256], dl[256], init[256], after_init[256], rss[256];
    int nc = 0, ni = 0;
    FILE* f = fopen(path, "r");
    char line[256];
    while (f != NULL && fgets(line, sizeof line, f) != NULL) {
        char mode[16];
        double d, i, first, total, growth;
        if (sscanf(line, "%15[^,],%lf,%lf,%lf,%lf,%lf", mode, &d, &i, &first, &total, &growth) != 6) continue;
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

static const char* verdict(int met) { return met ? "met" : "**missed**"; }

int main(int argc, char** argv)
{
    if (argc < 9) {
        fprintf(stderr, "usage: %s <dir> <shared.csv> <static.csv> <coldstart.csv> <so bytes> <a bytes> <machine> <date>\n", argv[0]);
        return 2;
    }
    const char* dir = argv[1];
    read_rows(argv[2]);
    read_rows(argv[3]);
    coldstart cs = read_coldstart(argv[4]);
    double so_bytes = atof(argv[5]), a_bytes = atof(argv[6]);
    const char* machine = argv[7];
    const char* date = argv[8];
    const char* variants[] = { "shared", "static" };

    char path[1024];
    snprintf(path, sizeof path, "%s/benchmark.md", dir);
    FILE* md = fopen(path, "w");
    if (md == NULL) {
        perror(path);
        return 1;
    }
    fprintf(md, "# ExportLib benchmark\n\n%s, %s. Medians of interleaved rounds in one process per library; ratio = ExportLib / C "
                "(below 1: ExportLib is faster). Regenerate with `cmake --build build --target benchmark`.\n\n", date, machine);

    for (int v = 0; v < 2; v++) {
        fprintf(md, "## %s library (`libexportlib.%s`)\n\n", variants[v], v == 0 ? "so" : "a");
        fprintf(md, "| case | per | ExportLib | C | ratio |\n|---|---|---:|---:|---:|\n");
        for (int i = 0; i < row_count; i++) {
            const row* r = &rows[i];
            if (strcmp(r->variant, variants[v]) != 0 || strncmp(r->name, "first call in", 13) == 0 || strncmp(r->name, "rss", 3) == 0) continue;
            fprintf(md, "| %s | %s | %.2f ns | %.2f ns | %.2f |\n", r->name, r->unit, r->ours, r->c, r->c > 0 ? r->ours / r->c : NAN);
        }
        const row* first = find(variants[v], "first call in the process");
        const row* rss = find(variants[v], "rss growth on the first call");
        if (first != NULL && rss != NULL) {
            fprintf(md, "\nFirst call in the process (starts the runtime): %.3f ms; RSS grew by %.0f KiB.\n\n", first->ours / 1e6, rss->ours);
        }
    }

    fprintf(md, "## Start-up, size\n\n");
    fprintf(md, "| measure | value |\n|---|---:|\n");
    fprintf(md, "| dlopen + first call (median of %d fresh processes) | %.3f ms |\n", cs.samples, cs.dlopen_call_ms);
    fprintf(md, "| of which dlopen | %.3f ms |\n| of which the first call (runtime start) | %.3f ms |\n", cs.dlopen_ms, cs.first_call_ms);
    fprintf(md, "| `el_init()` right after dlopen | %.3f ms |\n| a call after `el_init()` | %.1f us |\n", cs.init_ms, cs.after_init_call_us);
    fprintf(md, "| RSS growth, dlopen + first call | %.0f KiB |\n", cs.rss_kib);
    fprintf(md, "| stripped `libexportlib.so` | %.2f MB |\n| stripped `libexportlib.a` | %.2f MB |\n\n", so_bytes / 1e6, a_bytes / 1e6);

    /* Targets (issue "Benchmarks"). */
    fprintf(md, "## Targets\n\n| target | shared | static |\n|---|---|---|\n");
    const char* trivial[] = { "el_rgba_pack", "el_point_scale", "el_example_sum" };
    for (int t = 0; t < 3; t++) {
        fprintf(md, "| %s within 10 %% or 0.5 ns of the empty export |", trivial[t]);
        for (int v = 0; v < 2; v++) {
            const row* floor_row = find(variants[v], "empty export (el_debug_noop)");
            const row* r = find(variants[v], trivial[t]);
            double over = r->ours - floor_row->ours;
            int met = over <= fmax(0.5, 0.1 * floor_row->ours);
            fprintf(md, " %s (%+.2f ns) |", verdict(met), over);
        }
        fprintf(md, "\n");
    }
    fprintf(md, "| validated-handle call within 2 ns of the empty export |");
    for (int v = 0; v < 2; v++) {
        double over = find(variants[v], "el_context_is_upper (validated handle)")->ours - find(variants[v], "empty export (el_debug_noop)")->ours;
        fprintf(md, " %s (%+.2f ns) |", verdict(over <= 2.0), over);
    }
    fprintf(md, "\n");
    struct { const char* name; const char* label; double max_ratio; } ratio_targets[] = {
        { "create + to_upper + free", "handle lifecycle <= 2x C", 2.0 },
        { "el_map_i32 (n = 1024)", "el_map_i32 <= 3x C per element", 3.0 },
        { "el_crc32 (1 MiB)", "el_crc32 1 MiB >= 2x zlib (ratio <= 0.5)", 0.5 },
        { "el_crc32 chained (1 KiB blocks)", "el_crc32 chained 1 KiB >= 1.5x zlib (ratio <= 0.667)", 1 / 1.5 },
        { "el_xxh3_64 (1 MiB)", "el_xxh3_64 1 MiB >= 1.5x libxxhash (ratio <= 0.667)", 1 / 1.5 },
    };
    for (size_t t = 0; t < sizeof ratio_targets / sizeof ratio_targets[0]; t++) {
        fprintf(md, "| %s |", ratio_targets[t].label);
        for (int v = 0; v < 2; v++) {
            const row* r = find(variants[v], ratio_targets[t].name);
            double ratio = r->ours / r->c;
            fprintf(md, " %s (%.2f) |", verdict(ratio <= ratio_targets[t].max_ratio), ratio);
        }
        fprintf(md, "\n");
    }
    fprintf(md, "| dlopen + first call <= 0.8 ms | %s (%.3f ms) | n/a |\n", verdict(cs.dlopen_call_ms <= 0.8), cs.dlopen_call_ms);
    fprintf(md, "| stripped .so <= 1.5 MB | %s (%.2f MB) | n/a |\n", verdict(so_bytes <= 1.5e6), so_bytes / 1e6);
    fprintf(md, "\n![ratios](benchmark.svg)\n");
    fclose(md);

    /* The chart: ratio per case on a log2 axis, shared and static side by side. */
    snprintf(path, sizeof path, "%s/benchmark.svg", dir);
    FILE* svg = fopen(path, "w");
    if (svg == NULL) {
        perror(path);
        return 1;
    }
    int n = 0;
    for (int i = 0; i < row_count; i++) {
        if (strcmp(rows[i].variant, "shared") == 0 && rows[i].c > 0 && strncmp(rows[i].name, "second", 6) != 0) n++;
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
        if (strcmp(s->variant, "shared") != 0 || s->c <= 0 || strncmp(s->name, "second", 6) == 0) continue;
        const row* st = find("static", s->name);
        double y = top + k * gap;
        fprintf(svg, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left - 8, y + bar + 4, s->name);
        const row* pair[2] = { s, st };
        const char* colors[2] = { "#3b6fb6", "#e08a2c" };
        for (int v = 0; v < 2; v++) {
            if (pair[v] == NULL || pair[v]->c <= 0) continue;
            double l = fmin(hi, fmax(lo, log2(pair[v]->ours / pair[v]->c)));
            double x0 = left + (0 - lo) / (hi - lo) * width, x1 = left + (l - lo) / (hi - lo) * width;
            fprintf(svg, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" fill=\"%s\"/>\n", fmin(x0, x1), y + v * bar, fabs(x1 - x0) + 0.5, bar - 1, colors[v]);
            fprintf(svg, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#333\" font-size=\"9\">%.2f</text>\n", fmax(x0, x1) + 3, y + v * bar + bar - 1, pair[v]->ours / pair[v]->c);
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
