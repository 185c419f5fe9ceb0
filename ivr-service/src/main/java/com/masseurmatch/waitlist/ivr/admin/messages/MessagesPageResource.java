package com.masseurmatch.waitlist.ivr.admin.messages;

import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.admin.ConsoleQuery;
import com.masseurmatch.waitlist.ivr.admin.session.CurrentSession;
import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.console.MessagePage;
import com.masseurmatch.waitlist.model.console.MessageSearch;
import com.masseurmatch.waitlist.model.console.OptOut;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /admin/messages}: the confirmation texts and e-mails with their delivery status, filtered
 * by channel and status and paged, and the numbers and addresses that opted out.
 */
@Path("/admin/messages")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class MessagesPageResource {

  /** The statuses a message can have, in the order the filter offers them. */
  static final List<String> STATUSES =
      List.of(
          MessageRecord.SENDING,
          MessageRecord.RETRYING,
          MessageRecord.SENT,
          MessageRecord.DELIVERED,
          MessageRecord.UNDELIVERED,
          MessageRecord.FAILED,
          MessageRecord.NOT_CONFIGURED,
          MessageRecord.OPTED_OUT,
          MessageRecord.SKIPPED);

  /** Opt-outs of each channel shown, most recent first. */
  static final int OPT_OUTS = 50;

  private static final Set<String> KNOWN = Set.copyOf(STATUSES);

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance messages(
        ConsolePage page,
        MessagePage results,
        List<OptOut> optOuts,
        List<String> statuses,
        String channel,
        String status,
        int pageNumber,
        int pages);
  }

  private final ConsoleData data;
  private final CurrentSession session;

  MessagesPageResource(ConsoleData data, CurrentSession session) {
    this.data = data;
    this.session = session;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  public TemplateInstance messages(
      @RestQuery String channel, @RestQuery String status, @RestQuery String page) {
    int number = ConsoleQuery.pageNumber(page);
    MessageSearch search =
        new MessageSearch(
            ConsoleQuery.option(channel, Channel::fromWire, "channel"),
            ConsoleQuery.option(status, MessagesPageResource::status, "status"),
            ConsoleQuery.offset(number, ConsoleQuery.PAGE_SIZE),
            ConsoleQuery.PAGE_SIZE);
    MessagePage results = data.read(store -> store.messages(search));
    List<OptOut> optOuts = data.read(store -> store.optOuts(OPT_OUTS));
    return Templates.messages(
        ConsolePage.of("messages", session.get()),
        results,
        optOuts,
        STATUSES,
        search.channel().map(Channel::wireName).orElse(""),
        search.status().orElse(""),
        number,
        ConsoleQuery.pages(results.total(), ConsoleQuery.PAGE_SIZE));
  }

  private static String status(String value) {
    String status = value.toLowerCase(Locale.ROOT);
    if (!KNOWN.contains(status)) {
      throw new IllegalArgumentException(value);
    }
    return status;
  }
}
