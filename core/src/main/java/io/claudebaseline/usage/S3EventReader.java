package io.claudebaseline.usage;

import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.facts.AwsFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads the trail's log files from its bucket, listing only the window: CloudTrail writes
 * {@code [prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/} (see {@link AwsFacts#CLOUDTRAIL_S3_ROOT}),
 * so the accounts and regions are listed with a delimiter (or taken from the config when every workspace names
 * them) and then one prefix per day. The day after the window is listed too: a file is written up to some
 * minutes after its events. Objects are streamed (GetObject's response, gunzipped on the fly) on a few threads.
 */
final class S3EventReader implements EventReader {
    private static final Pattern ORG_DIR = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern ACCOUNT_DIR = Pattern.compile("\\d{12}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final S3Client s3;
    private final String bucket;
    private final String root;
    private final Set<String> accounts;
    private final Set<String> regions;
    private final int concurrency;
    private final String kmsKeyId;

    /**
     * @param keyPrefix   the trail's S3KeyPrefix, or null
     * @param accounts    accounts to read, or null for every account the bucket holds
     * @param regions     regions to read, or null for every region found
     * @param kmsKeyId    the trail's KMS key, if it encrypts its files (named in an access-denied message)
     */
    S3EventReader(S3Client s3, String bucket, String keyPrefix, Set<String> accounts, Set<String> regions, int concurrency,
                  String kmsKeyId) {
        this.s3 = s3;
        this.bucket = bucket;
        this.root = (keyPrefix == null || keyPrefix.isBlank() ? "" : keyPrefix.endsWith("/") ? keyPrefix : keyPrefix + "/")
                + AwsFacts.CLOUDTRAIL_S3_ROOT;
        this.accounts = accounts;
        this.regions = regions;
        this.concurrency = concurrency;
        this.kmsKeyId = kmsKeyId;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + root;
    }

    @Override
    public ReadStats read(Instant from, Instant to, EventSink sink, Progress progress) throws InterruptedException {
        ReadStats stats = new ReadStats(describe(), progress);
        List<String> dayPrefixes = new ArrayList<>();
        for (String account : accountDirs()) {
            String base = account + AwsFacts.CLOUDTRAIL_S3_SERVICE_DIR;
            List<String> regionDirs = regions == null ? subdirectories(base)
                    : regions.stream().map(r -> base + r + "/").toList();
            for (String region : regionDirs) {
                LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
                for (LocalDate d = from.atZone(ZoneOffset.UTC).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
                    dayPrefixes.add(region + DAY.format(d) + "/");
                }
            }
        }
        progress.line("usage: reading " + dayPrefixes.size() + " day prefix(es) under " + describe());
        try (ConcurrentObjectReader reader = new ConcurrentObjectReader(concurrency, sink, stats)) {
            for (String prefix : dayPrefixes) {
                for (S3Object o : list(prefix)) {
                    reader.submit("s3://" + bucket + "/" + o.key(), o.size() == null ? 0 : o.size(), () -> get(o.key()));
                }
            }
            reader.finish();
        }
        stats.finish();
        return stats;
    }

    /** {@code …/AWSLogs/[o-ORGID/]ACCOUNT/} for each account to read. */
    private List<String> accountDirs() {
        List<String> out = new ArrayList<>();
        for (String dir : subdirectories(root)) {
            String name = lastSegment(dir);
            if (ORG_DIR.matcher(name).matches()) {
                for (String inner : subdirectories(dir)) {
                    addAccount(out, inner);
                }
            } else {
                addAccount(out, dir);
            }
        }
        return out;
    }

    private void addAccount(List<String> out, String dir) {
        String name = lastSegment(dir);
        if (ACCOUNT_DIR.matcher(name).matches() && (accounts == null || accounts.contains(name))) {
            out.add(dir);
        }
    }

    private static String lastSegment(String dir) {
        String d = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        return d.substring(d.lastIndexOf('/') + 1);
    }

    private List<String> subdirectories(String prefix) {
        String where = "s3://" + bucket + "/" + prefix;
        return AwsOperation.LIST_OBJECTS_V2.call(where, () -> s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).delimiter("/"))
                .commonPrefixes().stream().map(CommonPrefix::prefix).toList());
    }

    /** The objects of one day prefix: listed page by page (the paginator), kept only as keys and sizes. */
    private List<S3Object> list(String prefix) {
        String where = "s3://" + bucket + "/" + prefix;
        return AwsOperation.LIST_OBJECTS_V2.call(where, () -> s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                .contents().stream().filter(o -> !o.key().endsWith("/")).toList());
    }

    private java.io.InputStream get(String key) throws java.io.FileNotFoundException {
        String where = "s3://" + bucket + "/" + key;
        try {
            return AwsOperation.GET_OBJECT.call(where, () -> s3.getObject(r -> r.bucket(bucket).key(key)));
        } catch (AwsOperationException e) {
            if (e.kind() == AwsOperationException.Kind.ACCESS_DENIED && kmsKeyId != null && !kmsKeyId.isBlank()) {
                throw new AwsOperationException(e.operation(), e.resource(), e.kind(), e.getMessage()
                        + " The trail encrypts its files with KMS key " + kmsKeyId + ", so the caller also needs kms:Decrypt on it.", e);
            }
            if (e.kind() == AwsOperationException.Kind.NOT_FOUND) {
                // Listed a moment ago and gone now (a lifecycle rule expired it): that file's problem, not the run's.
                throw new java.io.FileNotFoundException("the object disappeared between listing and reading");
            }
            throw e;
        }
    }
}
