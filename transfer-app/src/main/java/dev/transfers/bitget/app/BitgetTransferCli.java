package dev.transfers.bitget.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code bitget-transfer}: the command line, and the composition root that wires the domain to the
 * HTTP adapter (or to an embedded simulated Bitget). {@link #commandLine} builds it with injected
 * streams and context so tests run it in process.
 */
@Command(name = "bitget-transfer", mixinStandardHelpOptions = true, version = "bitget-transfer 0.1.0",
        description = "Moves assets between your Bitget accounts through POST /api/v2/spot/wallet/transfer,"
                + " never twice. Credentials come from the environment only: BITGET_API_KEY,"
                + " BITGET_API_PASSPHRASE and, for an HMAC key, BITGET_API_SECRET or, for an RSA key,"
                + " BITGET_API_PRIVATE_KEY (the PKCS#8 PEM) or BITGET_API_PRIVATE_KEY_FILE (its path);"
                + " with none set, commands run against an embedded simulated Bitget and no real money moves.")
public final class BitgetTransferCli implements Runnable {
    private static final String HELP = "help";

    /**
     * The subcommands by name, in the order help lists them. Registered in code rather than on the
     * annotation so that a run of one command reads the annotations of that command alone.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        // Hibernate Validator logs through jboss-logging; send it to SLF4J (slf4j-simple, WARN, stderr)
        // instead of java.util.logging, which would print INFO lines on every run.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            // Before the first logger exists: the adapter's attempt-by-attempt log (never secrets) at DEBUG.
            System.setProperty("org.slf4j.simpleLogger.log.dev.transfers", "debug");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = commandLine(AppContext.system(), out, err, onlyTheNamedCommand(args)).execute(args);
        } catch (Throwable unexpected) {
            // picocli hands Errors (a class missing from the jar, say) straight back to the caller.
            err.println("error: " + ResultPrinter.oneLine(unexpected));
            code = ExitCode.UNEXPECTED.code();
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The command line with these streams and context; {@code execute(args)} returns the exit code. */
    static CommandLine commandLine(AppContext context, PrintWriter out, PrintWriter err) {
        return commandLine(context, out, err, SUBCOMMANDS.keySet());
    }

    /**
     * When the first argument names a command ({@code transfer}, say), that command alone: its run
     * and its help are the same, and picocli reads no other command's annotations, which costs start-up
     * time. Anything else (no command, an option, {@code help}, a typo) gets every command.
     */
    private static Set<String> onlyTheNamedCommand(String[] args) {
        if (args.length > 0 && !args[0].equals(HELP) && SUBCOMMANDS.containsKey(args[0])) {
            return Set.of(args[0]);
        }
        return SUBCOMMANDS.keySet();
    }

    private static CommandLine commandLine(AppContext context, PrintWriter out, PrintWriter err,
            Set<String> subcommands) {
        Objects.requireNonNull(context, "context");
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == TransferCommand.class) {
                    return type.cast(new TransferCommand(context));
                }
                if (type == BatchCommand.class) {
                    return type.cast(new BatchCommand(context));
                }
                if (type == StatusCommand.class) {
                    return type.cast(new StatusCommand(context));
                }
                if (type == SimulateCommand.class) {
                    return type.cast(new SimulateCommand(context));
                }
                return defaults.create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new BitgetTransferCli(), factory);
        SUBCOMMANDS.forEach((name, type) -> {
            if (subcommands.contains(name)) {
                commandLine.addSubcommand(name, type);
            }
        });
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(ex -> ExitCode.UNEXPECTED.code());
        commandLine.setParameterExceptionHandler(BitgetTransferCli::handleParameterException);
        commandLine.setExecutionExceptionHandler(BitgetTransferCli::handleExecutionException);
        documentExitCodes(commandLine);
        return commandLine;
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> subcommands = new LinkedHashMap<>();
        subcommands.put("transfer", TransferCommand.class);
        subcommands.put("batch", BatchCommand.class);
        subcommands.put("status", StatusCommand.class);
        subcommands.put("simulate", SimulateCommand.class);
        subcommands.put(HELP, CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(subcommands);
    }

    /**
     * Every command's --help lists the exit codes (picocli's exitCodeListHeading and exitCodeList):
     * the transfer outcomes, unless the command declares its own (as {@code status} does).
     */
    private static void documentExitCodes(CommandLine commandLine) {
        if (commandLine.getCommandSpec().usageMessage().exitCodeList().isEmpty()) {
            commandLine.getCommandSpec().usageMessage()
                    .exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(ExitCode.helpList());
        }
        commandLine.getSubcommands().values().forEach(BitgetTransferCli::documentExitCodes);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: transfer, batch, status or simulate");
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.INVALID_INPUT.code();
    }

    private static int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (ex instanceof UsageException usage) {
            err.println("error: nothing was sent:");
            usage.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return ExitCode.INVALID_INPUT.code();
        }
        err.println("error: " + ResultPrinter.oneLine(ex));
        if (verbose(parseResult)) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return ExitCode.UNEXPECTED.code();
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
