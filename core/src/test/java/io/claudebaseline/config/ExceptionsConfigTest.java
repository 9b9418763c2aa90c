package io.claudebaseline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.exceptions.ExceptableCheck;
import io.claudebaseline.exceptions.ExceptionRules;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@code exceptions:} entries (issue 15): each error names the field path and the fix. */
class ExceptionsConfigTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static String with(String entries) {
        return ConfigValidatorTest.VALID + "exceptions:\n" + entries;
    }

    static String entry(String fields) {
        return "  - " + fields.strip().replace("\n", "\n    ") + "\n";
    }

    static final String REST = "reason: legacy integration, SEC-1234\nowner: platform-security@example.com\nexpires: 2027-03-31";

    static List<Problem> errors(String yaml) throws ConfigException {
        return ConfigValidatorTest.validate(yaml).stream().filter(Problem::isError).toList();
    }

    static Problem onlyError(String yaml) throws ConfigException {
        List<Problem> errors = errors(yaml);
        assertThat(errors).as("exactly one error").hasSize(1);
        return errors.get(0);
    }

    @Test
    void aCompleteExceptionIsValidAndItsUnquotedDateIsRead() throws Exception {
        BaselineConfig config = ConfigLoader.parse(with(entry("check: shadow-user\nuser: AeaApiKey-legacy01\n" + REST)), false, "t.yaml");
        assertThat(ConfigValidator.validate(config)).isEmpty();
        assertThat(config.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.expires()).isEqualTo("2027-03-31");
            assertThat(e.user()).isEqualTo("AeaApiKey-legacy01");
        });
        assertThat(ExceptionRules.dates(config, TODAY)).isEmpty();
    }

    @Test
    void everyExceptableCheckAcceptsItsRequiredSubject() throws Exception {
        for (ExceptableCheck c : ExceptableCheck.values()) {
            String subject = switch (c.oneOfRequired().iterator().next()) {
                case ACCOUNT -> "account: \"111122223333\"";
                case OU -> "ou: ou-ab12-11111111";
                case POLICY -> "policy: claude-baseline-1";
                case USER -> "user: AeaApiKey-legacy01";
                case KEY -> "key: ACCA1234567890ABCDEFG";
                case WORKSPACE -> "workspace: wrkspc_01AbCdEf23GhIj";
                case TRAIL -> "trail: org-trail";
            };
            assertThat(errors(with(entry("check: " + c.id() + "\n" + subject + "\n" + REST)))).as(c.id()).isEmpty();
        }
    }

    @Test
    void unknownCheckListsTheOnesThatMayBeExcepted() throws Exception {
        Problem p = onlyError(with(entry("check: shadow-users-everywhere\nuser: AeaApiKey-x\n" + REST)));
        assertThat(p.path()).isEqualTo("exceptions[0].check");
        assertThat(p.message()).contains("not a check that exceptions may name", "shadow-user", "org-coverage:accounts");
    }

    @Test
    void aPastedCheckIdWithItsSubjectIsExplained() throws Exception {
        Problem p = onlyError(with(entry("check: shadow-user:111122223333:AeaApiKey-x\n" + REST)));
        assertThat(p.message()).contains("give the check as shadow-user", "user:");
    }

    @Test
    void checksThatWouldMakeTheGateMeaninglessCannotBeExcepted() throws Exception {
        assertThat(onlyError(with(entry("check: scp-content\npolicy: claude-baseline-1\n" + REST))).message())
                .contains("'scp-content' cannot be excepted", "whether a control is in place");
        assertThat(onlyError(with(entry("check: scp-policy-type-enabled\n" + REST))).message()).contains("whole organisation");
        assertThat(onlyError(with(entry("check: require\n" + REST))).message()).contains("required control");
        assertThat(onlyError(with(entry("check: trail-logging\ntrail: org-trail\n" + REST))).message()).contains("cannot be excepted");
    }

    @Test
    void anExceptionMustNameWhatItAppliesTo() throws Exception {
        Problem p = onlyError(with(entry("check: shadow-user\n" + REST)));
        assertThat(p.path()).isEqualTo("exceptions[0]");
        assertThat(p.message()).contains("needs user", "never except a whole control");
        Problem either = onlyError(with(entry("check: long-term-key\naccount: \"111122223333\"\n" + REST)));
        assertThat(either.message()).contains("needs one of user, key");
    }

    @Test
    void aSubjectTheCheckDoesNotHaveIsAnError() throws Exception {
        Problem p = onlyError(with(entry("check: shadow-user\nuser: AeaApiKey-x\nworkspace: wrkspc_01AbCdEf23GhIj\n" + REST)));
        assertThat(p.path()).isEqualTo("exceptions[0].workspace");
        assertThat(p.message()).contains("has no workspace", "account, user");
    }

    @Test
    void theRootIsNotAnOuAnExceptionMayName() throws Exception {
        Problem p = onlyError(with(entry("check: org-coverage:ous\nou: r-ab12\n" + REST)));
        assertThat(p.path()).isEqualTo("exceptions[0].ou");
        assertThat(p.message()).contains("whole organisation");
    }

    @Test
    void subjectsAreCheckedForShape() throws Exception {
        assertThat(onlyError(with(entry("check: member-audit\naccount: \"1234\"\n" + REST))).path()).isEqualTo("exceptions[0].account");
        assertThat(onlyError(with(entry("check: shadow-user\nuser: \"AeaApiKey-*\"\n" + REST))).message()).contains("no wildcards");
        assertThat(ConfigValidatorTest.validate(with(entry("check: trail-data-selectors\nworkspace: wrkspc_0000Unlisted\n" + REST))))
                .filteredOn(p -> !p.isError()).singleElement().satisfies(w -> assertThat(w.message()).contains("not one of the config's workspaces"));
    }

    @Test
    void reasonOwnerAndExpiryAreRequired() throws Exception {
        List<Problem> errors = errors(with(entry("check: shadow-user\nuser: AeaApiKey-x")));
        assertThat(errors).extracting(Problem::path)
                .containsExactlyInAnyOrder("exceptions[0].reason", "exceptions[0].owner", "exceptions[0].expires");
        assertThat(onlyError(with(entry("check: shadow-user\nuser: AeaApiKey-x\nreason: r\nowner: o\nexpires: next spring"))).message())
                .contains("not a date", "YYYY-MM-DD");
    }

    @Test
    void expiryInThePastOrBeyondTheMaximumIsReportedWithThePath() throws Exception {
        BaselineConfig config = ConfigLoader.parse(with(
                entry("check: shadow-user\nuser: AeaApiKey-a\nreason: r\nowner: o\nexpires: 2026-11-30")
                + entry("check: shadow-user\nuser: AeaApiKey-b\nreason: r\nowner: o\nexpires: 2027-05-30")
                + entry("check: shadow-user\nuser: AeaApiKey-c\nreason: r\nowner: o\nexpires: 2027-05-31")
                + entry("check: shadow-user\nuser: AeaApiKey-d\nreason: r\nowner: o\nexpires: 2026-12-01")), false, "t.yaml");
        List<Problem> strict = ExceptionRules.dates(config, TODAY, true);
        assertThat(strict).extracting(Problem::path).containsExactly("exceptions[0].expires", "exceptions[2].expires");
        assertThat(strict.get(0).message()).contains("has passed", "renew");
        assertThat(strict.get(1).message()).contains("more than 180 days ahead", "2027-05-30");
        assertThat(strict).allMatch(Problem::isError);
        // verify: an expired exception is a warning (its findings fail instead); too far ahead stays an error.
        List<Problem> lenient = ExceptionRules.dates(config, TODAY, false);
        assertThat(lenient.get(0).isError()).isFalse();
        assertThat(lenient.get(1).isError()).isTrue();
    }

    @Test
    void theMaximumIsConfigurable() throws Exception {
        BaselineConfig config = ConfigLoader.parse(with(entry("check: shadow-user\nuser: AeaApiKey-a\nreason: r\nowner: o\nexpires: 2027-01-01"))
                .replace("tags: {owner: platform-security}", "tags: {owner: platform-security}\naudit: {maxExceptionDays: 30}"), false, "t.yaml");
        assertThat(ExceptionRules.dates(config, TODAY)).singleElement().satisfies(p -> assertThat(p.message()).contains("more than 30 days"));
        assertThat(onlyError(ConfigValidatorTest.VALID + "audit: {maxExceptionDays: 0}\n").path()).isEqualTo("audit.maxExceptionDays");
    }

    @Test
    void twoExceptionsForTheSameFindingAreWarned() throws Exception {
        String one = entry("check: shadow-user\nuser: AeaApiKey-x\n" + REST);
        assertThat(ConfigValidatorTest.validate(with(one + one))).filteredOn(p -> !p.isError()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("same finding as exceptions[0]"));
    }
}
