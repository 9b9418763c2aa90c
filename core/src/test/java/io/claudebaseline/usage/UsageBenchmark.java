package io.claudebaseline.usage;

import io.claudebaseline.aws.AwsClientFactory;
import io.claudebaseline.aws.AwsClientSettings;
import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.testing.MotoServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench/usage.sh}: events/s and peak heap of the usage reader for N synthetic CloudTrail events (default
 * 1,000,000) of which 1% are Claude Platform events, spread over gzip log files in CloudTrail's key layout; read
 * from local disk and then through moto's S3 (S3EventReader, the production client factory). Not a test.
 */
public final class UsageBenchmark {
    private UsageBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perFile = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path dir = Files.createTempDirectory("usage-bench-");
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.DAYS);
        long t0 = System.nanoTime();
        List<Path> files = generate(dir, base, events, perFile);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.printf(Locale.ROOT, "generated %,d events (%,d Claude) in %d gzip files, %.1f MB compressed, in %.1f s%n",
                events, events / 100, files.size(), bytes / 1e6, (System.nanoTime() - t0) / 1e9);

        Path configFile = dir.resolve("claude-baseline.yaml");
        Files.copy(UsageWorld.examples().resolve("claude-baseline.yaml"), configFile);
        BaselineConfig config = BaselineEngine.loadAndValidate(configFile);
        Window window = new Window(base.minus(1, ChronoUnit.HOURS), Instant.now());

        for (int concurrency : new int[] {1, UsageOperation.DEFAULT_CONCURRENCY}) {
            measure("local disk, " + concurrency + " thread(s)", config, window,
                    new LocalFilesEventReader(dir.resolve("AWSLogs"), concurrency), events);
        }

        MotoServer moto = MotoServer.get();
        EngineRequest request = EngineRequest.builder(Action.USAGE, configFile).endpointUrl(moto.endpoint()).environment(moto.environment()).build();
        try (AwsClients aws = AwsClientFactory.create(request, AwsClientSettings.fromEnvironment(moto.environment()))) {
            moto.fixtures().createBucket("bench-trail", "us-east-1");
            long u0 = System.nanoTime();
            for (Path f : files) {
                String key = dir.relativize(f).toString().replace('\\', '/');
                aws.s3("us-east-1").putObject(r -> r.bucket("bench-trail").key(key), software.amazon.awssdk.core.sync.RequestBody.fromFile(f));
            }
            System.out.printf(Locale.ROOT, "uploaded to moto S3 in %.1f s (set-up, not measured below)%n", (System.nanoTime() - u0) / 1e9);
            measure("moto S3, " + UsageOperation.DEFAULT_CONCURRENCY + " threads", config, window,
                    new S3EventReader(aws.s3("us-east-1"), "bench-trail", null, Set.of("111122223333"), Set.of("us-east-1"),
                            UsageOperation.DEFAULT_CONCURRENCY, null), events);
        }
    }

    private static void measure(String label, BaselineConfig config, Window window, EventReader reader, int expected) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        UsageAggregator aggregator = UsageOperation.aggregator(config, window);
        long t = System.nanoTime();
        ReadStats stats = reader.read(window.from(), window.to(), aggregator, line -> { });
        double s = (System.nanoTime() - t) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (stats.records() != expected || aggregator.events() != expected / 100) {
            throw new IllegalStateException(label + ": read " + stats.records() + " records and " + aggregator.events() + " Claude events, expected "
                    + expected + " and " + expected / 100);
        }
        System.out.printf(Locale.ROOT, "%-28s %,10d events in %6.2f s = %,9.0f events/s; %,d Claude events kept; peak heap %,.0f MB (sum of heap pools' peaks)%n",
                label, stats.records(), s, stats.records() / s, aggregator.events(), peak / 1e6);
    }

    /** Log files of {@code perFile} records each; every 100th record a Claude event by one of 20 principals. */
    private static List<Path> generate(Path dir, Instant base, int events, int perFile) throws Exception {
        List<Path> files = new ArrayList<>();
        String[] roles = new String[20];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = SyntheticTrail.assumedRole("111122223333", "/", i < 2 ? "claude-prod-app" : "role-" + i, "s" + i);
        }
        String ws = SyntheticTrail.workspaceArn("us-east-1", "111122223333", "wrkspc_01AbCdEf23GhIj");
        String[] sources = {"s3.amazonaws.com", "ec2.amazonaws.com", "sts.amazonaws.com", "kms.amazonaws.com", "iam.amazonaws.com"};
        int n = 0;
        for (int file = 0; n < events; file++) {
            StringBuilder json = new StringBuilder(perFile * 900).append("{\"Records\":[");
            int inFile = Math.min(perFile, events - n);
            for (int i = 0; i < inFile; i++, n++) {
                Instant at = base.plusMillis(n * 50L);
                if (i > 0) {
                    json.append(',');
                }
                if (n % 100 == 0) {
                    json.append(SyntheticTrail.claude(roles[(n / 100) % roles.length], at, "CreateInference", ws, (n / 100) % roles.length >= 2,
                            "10.0." + (n % 250) + ".1", "sdk/" + (n % 7), null));
                } else {
                    json.append(SyntheticTrail.otherService(at, sources[n % sources.length], "Call" + (n % 13), false)
                            .replace("10.0.0.1", "10." + (n % 200) + "." + (n % 97) + ".1"));
                }
            }
            json.append("]}");
            Path f = dir.resolve(SyntheticTrail.key(null, null, "111122223333", "us-east-1", base.plusMillis(n * 50L), String.format("%05d", file)));
            Files.createDirectories(f.getParent());
            Files.write(f, SyntheticTrail.gzip(json.toString()));
            files.add(f);
        }
        return files;
    }
}
