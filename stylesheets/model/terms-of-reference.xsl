<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/model/terms-of-reference.xsl — the terms of reference of one
  committee as a document of the model (urn:cocom:document:1): annex D
  (joint committee, and the committees-in-common form) or annex F (the
  delegated committee), from templates/terms-of-reference.xml, filled from
  the committee, the scope, the decisions, the delegation agreement and
  the parties, with the committee's own terms-of-reference choices.  What
  the terms hold (stylesheets/terms-of-reference.xsl says why each part is
  as it is), never how they look: stylesheets/terms-of-reference.xsl turns
  this into FO (output/fo.xsl).  Run alone, it writes the model:
    xsltproc -stringparam committee ID stylesheets/model/terms-of-reference.xsl arrangement.xml

  Sections numbered 1, 2 … (section/@number) with clauses 1.1, 1.2 …
  (clause/@number); the document control and history tables; the
  membership table (role "membership"); the signatures (a section of
  role "signatures", kept together when it holds two CCGs at most);
  the schedules (role "schedule", the first on a new page).

  Parameter: committee — the committee/@id (default: the first committee
  of the first CCG).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:func="http://exslt.org/functions"
    xmlns:c="urn:cocom:functions:1"
    extension-element-prefixes="func"
    exclude-result-prefixes="a t exsl str c">

  <xsl:import href="common.xsl"/>

  <!-- Terms of reference are dated by their version (terms-of-reference
       /@date): they know only what had happened by then. -->
  <xsl:template name="document-date-default">
    <xsl:value-of select="$the-committee/a:terms-of-reference/@date"/>
  </xsl:template>

  <xsl:param name="tor-file" select="'../../templates/terms-of-reference.xml'"/>

  <xsl:variable name="tor" select="document($tor-file)/t:terms-of-reference"/>
  <xsl:variable name="c" select="$the-committee"/>
  <xsl:variable name="local" select="$c/a:terms-of-reference"/>
  <xsl:variable name="group"
      select="$root/a:committees-in-common[contains(concat(' ', @committees, ' '), concat(' ', $c/@id, ' '))][1]"/>
  <xsl:variable name="in-common" select="boolean($group) or $model/@joint-form = 'committees-in-common'"/>
  <xsl:variable name="next-review" select="string($local/a:review/@next)"/>
  <!-- Those who attend without a vote: by the national right (printed
       only when the data names the body: the model's clause already
       gives the right), and by the committee's invitation. -->
  <xsl:variable name="named-observers" select="$c/a:observer[@basis = 'national-right' and @org]"/>
  <xsl:variable name="invited-observers" select="$c/a:observer[not(@basis = 'national-right')]"/>
  <xsl:variable name="nhse-party" select="contains(concat(' ', $c/@parties, ' '), concat(' ', $nhse/@id, ' '))"/>

  <xsl:template name="document-conditions">
    <xsl:value-of select="concat(' ', $c/@type, ' ')"/>
    <xsl:if test="$nhse-party"> nhse-party</xsl:if>
    <xsl:if test="$in-common"> in-common</xsl:if>
    <xsl:if test="$group/@total"> group-total</xsl:if>
    <xsl:if test="$group/a:meeting-chair[@person or @member or @role or @rotates = 'yes']"> meeting-chair</xsl:if>
    <xsl:if test="count($the-ccgs) = 1 and $the-ccg/a:population"> population</xsl:if>
    <xsl:if test="$c/a:observer"> has-observers</xsl:if>
    <xsl:if test="$named-observers"> has-named-observers</xsl:if>
    <xsl:if test="$invited-observers"> has-invited-observers</xsl:if>
    <xsl:if test="$c/a:voting/@casting-vote"> has-casting-vote</xsl:if>
    <xsl:if test="$c/a:member[@role = 'lay']"> has-lay-members</xsl:if>
    <xsl:choose>
      <xsl:when test="$c/a:meetings/@in-public = 'yes'"> in-public</xsl:when>
      <xsl:when test="$c/a:meetings/@in-public = 'no'"> in-private</xsl:when>
      <xsl:otherwise> public-unknown</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$local/a:secretariat"> has-secretariat</xsl:if>
    <xsl:if test="$c/a:quorum/@distinct-ccgs and $many-ccgs"> quorum-ccgs</xsl:if>
    <xsl:if test="$c/a:quorum/@distinct-ccgs &gt;= count($the-ccgs)"> quorum-every-ccg</xsl:if>
    <xsl:if test="$local/a:review/@next"> next-review</xsl:if>
    <xsl:if test="$local/a:accountability"> tor-accountability</xsl:if>
    <xsl:if test="$local/a:procurement"> tor-procurement</xsl:if>
    <xsl:if test="$root/a:decisions/a:decision-group"> has-decisions</xsl:if>
    <xsl:if test="$root/a:delegation-agreement/a:variation[c:known-at(.)]"> has-variations</xsl:if>
    <xsl:if test="$root/a:delegation-agreement/a:local-schedule"> has-local-schedules</xsl:if>
    <xsl:if test="$root/a:scope/a:function[@status = 'reserved' or @status = 'retained']"> has-reserved</xsl:if>
    <xsl:if test="$root/a:scope/a:function[@status = 'involvement']"> has-involvement</xsl:if>
  </xsl:template>

  <!-- The sections in order: each model section, then the local clauses
       that follow it. -->
  <xsl:variable name="order-rtf">
    <xsl:for-each select="$tor/t:section">
      <xsl:variable name="key" select="@key"/>
      <s kind="model" key="{$key}"/>
      <xsl:for-each select="$local/a:local-clause[@after = $key]">
        <s kind="local" ref="{generate-id()}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="order" select="exsl:node-set($order-rtf)/s"/>


  <!-- ================================================================ -->
  <xsl:template match="/">
    <xsl:if test="not($c)">
      <xsl:message terminate="yes">cocom: the arrangement has no committee<xsl:if test="$committee != ''"> with the id "<xsl:value-of select="$committee"/>"</xsl:if></xsl:message>
    </xsl:if>
    <xsl:if test="not($model-kind = 'joint' or $model-kind = 'delegated')">
      <xsl:message terminate="yes">cocom: terms of reference are for joint or delegated commissioning; this arrangement's model is <xsl:value-of select="$model-kind"/></xsl:message>
    </xsl:if>
    <xsl:variable name="doc-name">
      <xsl:choose>
        <xsl:when test="$in-common"><xsl:call-template name="text-string"><xsl:with-param name="name" select="'title-terms-of-reference-in-common'"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:call-template name="text-string"><xsl:with-param name="name" select="'title-terms-of-reference'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="ccg-names"><xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$the-ccgs"/></xsl:call-template></xsl:variable>
    <d:document type="terms-of-reference" xml:lang="{$doc-lang}">
      <d:metadata>
        <d:title><xsl:value-of select="concat($doc-name, ': ', normalize-space($c/a:name), ' (', $ccg-names, ')')"/></d:title>
        <d:issuer><xsl:value-of select="$ccg-names"/></d:issuer>
        <d:description><xsl:call-template name="text-string"><xsl:with-param name="name" select="'describe-terms-of-reference'"/></xsl:call-template></d:description>
        <xsl:if test="normalize-space($document-date) != ''">
          <d:date value="{$document-date}"><xsl:call-template name="format-date"><xsl:with-param name="date" select="$document-date"/></xsl:call-template></d:date>
        </xsl:if>
        <!-- The running head is short: the committee's name, or its short
             name, or the document's name (running-name).  No note in the
             footer: the first page says which model the terms are based
             on, and a paper the parties adopt says nothing about how it
             was produced. -->
        <d:running-head first-page="yes">
          <d:start>
            <xsl:call-template name="running-name">
              <xsl:with-param name="full" select="$c/a:name"/>
              <xsl:with-param name="short" select="$c/a:short-name"/>
              <xsl:with-param name="fallback" select="$doc-name"/>
            </xsl:call-template>
          </d:start>
          <d:end><xsl:call-template name="running-ccgs"/></d:end>
        </d:running-head>
        <d:outline>
          <xsl:for-each select="$order">
            <xsl:variable name="t"><xsl:value-of select="concat(position(), ' ')"/><xsl:call-template name="section-title"/></xsl:variable>
            <d:bookmark ref="tor-{position()}" title="{normalize-space($t)}"/>
          </xsl:for-each>
          <xsl:variable name="st"><xsl:apply-templates select="$tor/t:signatures/t:heading/node()" mode="fill"/></xsl:variable>
          <d:bookmark ref="tor-signatures" title="{normalize-space($st)}"/>
          <xsl:for-each select="$tor/t:schedule">
            <xsl:variable name="t"><xsl:apply-templates select="t:heading/node()" mode="fill"/></xsl:variable>
            <d:bookmark ref="tor-{@key}" title="{normalize-space($t)}"/>
          </xsl:for-each>
          <xsl:for-each select="$local/a:local-clause[@after = 'schedules']">
            <d:bookmark ref="tor-after-{generate-id()}" title="{normalize-space(a:heading)}"/>
          </xsl:for-each>
        </d:outline>
      </d:metadata>
      <d:body>
        <xsl:call-template name="tor.title"/>
        <xsl:if test="count($order) &gt;= $toc-min-sections">
          <d:contents>
            <d:heading><xsl:call-template name="text"><xsl:with-param name="name" select="'contents'"/></xsl:call-template></d:heading>
            <xsl:for-each select="$order">
              <d:entry ref="tor-{position()}" number="{position()}"><xsl:call-template name="section-title"/></d:entry>
            </xsl:for-each>
            <d:entry ref="tor-signatures"><xsl:apply-templates select="$tor/t:signatures/t:heading/node()" mode="fill"/></d:entry>
            <xsl:for-each select="$tor/t:schedule">
              <d:entry ref="tor-{@key}"><xsl:apply-templates select="t:heading/node()" mode="fill"/></d:entry>
            </xsl:for-each>
          </d:contents>
        </xsl:if>
        <xsl:if test="$local/a:preamble">
          <d:group role="preamble">
            <xsl:apply-templates select="$local/a:preamble/*" mode="model-block"/>
          </d:group>
        </xsl:if>
        <xsl:for-each select="$order">
          <xsl:call-template name="tor.section"><xsl:with-param name="number" select="position()"/></xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="tor.signatures"/>
        <xsl:for-each select="$tor/t:schedule">
          <xsl:call-template name="tor.schedule"/>
        </xsl:for-each>
        <xsl:for-each select="$local/a:local-clause[@after = 'schedules']">
          <d:section id="tor-after-{generate-id()}">
            <d:heading><xsl:apply-templates select="a:heading" mode="inline"/></d:heading>
            <xsl:apply-templates select="*[not(self::a:heading)]" mode="model-block"/>
          </d:section>
        </xsl:for-each>
      </d:body>
    </d:document>
  </xsl:template>

  <!-- The title of the section an $order entry stands for (plain text). -->
  <xsl:template name="section-title">
    <xsl:choose>
      <xsl:when test="@kind = 'model'">
        <xsl:variable name="key" select="@key"/>
        <xsl:variable name="r"><xsl:apply-templates select="$tor/t:section[@key = $key]/t:heading/node()" mode="fill"/></xsl:variable>
        <xsl:value-of select="normalize-space($r)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="ref" select="@ref"/>
        <xsl:value-of select="normalize-space($local/a:local-clause[generate-id() = $ref]/a:heading)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Title block and document control: the version, date and status
       of these terms of reference, and their history as known on their
       date (terms-of-reference/history, each event filtered by
       c:known-at).  A missing version or date is a blank to complete. -->
  <xsl:template name="tor.title">
    <d:title><xsl:apply-templates select="$tor/t:title" mode="fill"/></d:title>
    <d:subtitle><xsl:apply-templates select="$tor/t:subtitle" mode="fill"/></d:subtitle>
    <d:p><xsl:apply-templates select="$tor/t:based-on" mode="fill"/></d:p>
    <xsl:variable name="dc" select="$tor/t:document-control"/>
    <d:table role="document-control">
      <d:caption><xsl:value-of select="$dc/t:label[@name = 'caption']"/></d:caption>
      <d:col width="1"/><d:col width="1"/><d:col width="1"/>
      <xsl:if test="$next-review"><d:col width="1"/></xsl:if>
      <d:head>
        <d:row>
          <xsl:for-each select="$dc/t:label[@name = 'version' or @name = 'date' or @name = 'status' or (@name = 'next-review' and $next-review)]">
            <d:th scope="col"><xsl:value-of select="."/></d:th>
          </xsl:for-each>
        </d:row>
      </d:head>
      <d:body>
        <d:row>
          <d:td>
            <xsl:choose>
              <xsl:when test="$local/@version"><xsl:value-of select="$local/@version"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="length" select="'20mm'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </d:td>
          <d:td>
            <xsl:choose>
              <xsl:when test="normalize-space($document-date) != ''"><xsl:call-template name="format-date"><xsl:with-param name="date" select="normalize-space($document-date)"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="length" select="'20mm'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </d:td>
          <d:td>
            <!-- A status the data does not give is a blank to complete,
                 not "Draft". -->
            <xsl:if test="not($local/@status)"><xsl:call-template name="blank"><xsl:with-param name="length" select="'20mm'"/></xsl:call-template></xsl:if>
            <xsl:call-template name="label">
              <xsl:with-param name="set" select="'terms-of-reference-status'"/>
              <xsl:with-param name="value" select="$local/@status"/>
            </xsl:call-template>
          </d:td>
          <xsl:if test="$next-review">
            <d:td><xsl:call-template name="format-date"><xsl:with-param name="date" select="$next-review"/></xsl:call-template></d:td>
          </xsl:if>
        </d:row>
      </d:body>
    </d:table>
    <xsl:variable name="events" select="$local/a:history/a:event[c:known-at(.)]"/>
    <!-- The version history: a version column when any version known
         at the date has a number, an approved-by column when any says
         who approved it.  Columns sized by their content where the
         output can (a date keeps its line), else date : history 1 : 3. -->
    <xsl:variable name="with-version" select="boolean($events[@version])"/>
    <xsl:variable name="with-approval" select="boolean($events[@approved-by])"/>
    <xsl:if test="$events">
      <d:table role="history" column-sizing="content">
        <xsl:if test="$with-version"><d:col width="1.6"/></xsl:if>
        <d:col width="2"/><d:col width="6"/>
        <xsl:if test="$with-approval"><d:col width="4"/></xsl:if>
        <d:head>
          <d:row>
            <xsl:for-each select="$dc/t:label[(@name = 'history-version' and $with-version) or @name = 'history-date' or @name = 'history-change'
                                              or (@name = 'history-approved-by' and $with-approval)]">
              <d:th scope="col"><xsl:value-of select="."/></d:th>
            </xsl:for-each>
          </d:row>
        </d:head>
        <d:body>
          <xsl:for-each select="$events">
            <d:row>
              <xsl:if test="$with-version"><d:td><xsl:value-of select="@version"/></d:td></xsl:if>
              <d:td><xsl:call-template name="event-date"/></d:td>
              <d:td><xsl:apply-templates mode="inline"/></d:td>
              <xsl:if test="$with-approval">
                <d:td><xsl:call-template name="party-names"><xsl:with-param name="ids" select="@approved-by"/><xsl:with-param name="short" select="'yes'"/></xsl:call-template></d:td>
              </xsl:if>
            </d:row>
          </xsl:for-each>
        </d:body>
      </d:table>
    </xsl:if>
  </xsl:template>

  <!-- One numbered section, model or local. -->
  <xsl:template name="tor.section">
    <xsl:param name="number"/>
    <d:section id="tor-{$number}" number="{$number}">
      <xsl:if test="$number-sections = 'yes'"><xsl:attribute name="numbered">yes</xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="@kind = 'model'">
          <xsl:variable name="key" select="@key"/>
          <xsl:variable name="s" select="$tor/t:section[@key = $key]"/>
          <d:heading><xsl:apply-templates select="$s/t:heading/node()" mode="fill"/></d:heading>
          <xsl:call-template name="model-paragraphs">
            <xsl:with-param name="items" select="$s/*[not(self::t:heading)]"/>
            <xsl:with-param name="number" select="$number"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="ref" select="@ref"/>
          <xsl:variable name="lc" select="$local/a:local-clause[generate-id() = $ref]"/>
          <d:heading><xsl:apply-templates select="$lc/a:heading" mode="inline"/></d:heading>
          <xsl:call-template name="local-paragraphs">
            <xsl:with-param name="blocks" select="$lc/*[not(self::a:heading)]"/>
            <xsl:with-param name="number" select="$number"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </d:section>
  </xsl:template>

  <!-- The model paragraphs whose conditions hold, clauses numbered n.1,
       n.2 … (paragraphs, without a section number); data blocks between
       them are not numbered.  Each keeps where its wording comes from
       (@basis, @source). -->
  <xsl:template name="model-paragraphs">
    <xsl:param name="items"/>
    <xsl:param name="number" select="''"/>
    <xsl:variable name="kept-rtf">
      <xsl:for-each select="$items">
        <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
        <xsl:if test="$ok = 'yes'"><xsl:copy-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($kept-rtf)/*">
      <xsl:choose>
        <xsl:when test="self::t:p">
          <xsl:variable name="n">
            <xsl:if test="$number != '' and $number-sections = 'yes'">
              <xsl:value-of select="concat($number, '.', count(preceding-sibling::t:p) + 1)"/>
            </xsl:if>
          </xsl:variable>
          <xsl:variable name="content"><xsl:apply-templates mode="fill"/></xsl:variable>
          <!-- A paragraph that holds a list is a clause (without a
               number when it has none): a p holds inlines only. -->
          <xsl:variable name="el">
            <xsl:choose>
              <xsl:when test="$n != '' or exsl:node-set($content)/d:list">d:clause</xsl:when>
              <xsl:otherwise>d:p</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:element name="{$el}" namespace="urn:cocom:document:1">
            <xsl:if test="$n != ''"><xsl:attribute name="number"><xsl:value-of select="$n"/></xsl:attribute></xsl:if>
            <xsl:if test="@keep = 'with-previous' and preceding-sibling::*"><xsl:attribute name="keep">with-previous</xsl:attribute></xsl:if>
            <xsl:if test="@basis"><xsl:attribute name="basis"><xsl:value-of select="@basis"/></xsl:attribute></xsl:if>
            <xsl:if test="@source"><xsl:attribute name="source"><xsl:value-of select="@source"/></xsl:attribute></xsl:if>
            <xsl:copy-of select="$content"/>
          </xsl:element>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="." mode="fill-element"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A local clause's blocks: paragraphs numbered n.1 … unless they
       carry their own number. -->
  <xsl:template name="local-paragraphs">
    <xsl:param name="blocks"/>
    <xsl:param name="number"/>
    <xsl:for-each select="$blocks">
      <xsl:choose>
        <xsl:when test="self::a:para">
          <xsl:variable name="n">
            <xsl:choose>
              <xsl:when test="@n"><xsl:value-of select="@n"/></xsl:when>
              <xsl:when test="$number-sections = 'yes'"><xsl:value-of select="concat($number, '.', count(preceding-sibling::a:para) + 1)"/></xsl:when>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="el">
            <xsl:choose>
              <xsl:when test="normalize-space($n) != ''">d:clause</xsl:when>
              <xsl:otherwise>d:p</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:element name="{$el}" namespace="urn:cocom:document:1">
            <xsl:if test="normalize-space($n) != ''"><xsl:attribute name="number"><xsl:value-of select="$n"/></xsl:attribute></xsl:if>
            <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
            <xsl:call-template name="model-keep-lead-in"/>
            <xsl:apply-templates mode="inline"/>
          </xsl:element>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="." mode="model-block"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Signatures: NHS England, and each CCG of the committee.  The
       section is kept on one page when it fits on one (two CCGs at
       most); otherwise each block is kept whole, the first with the
       heading and the words before it. -->
  <xsl:template name="tor.signatures">
    <xsl:variable name="s" select="$tor/t:signatures"/>
    <d:section role="signatures" id="tor-signatures">
      <xsl:if test="count($the-ccgs) &lt;= 2"><xsl:attribute name="keep">together</xsl:attribute></xsl:if>
      <d:heading><xsl:apply-templates select="$s/t:heading/node()" mode="fill"/></d:heading>
      <xsl:call-template name="model-paragraphs"><xsl:with-param name="items" select="$s/t:p"/></xsl:call-template>
      <xsl:call-template name="signature-block">
        <xsl:with-param name="labels" select="$s"/>
        <xsl:with-param name="organisation">
          <xsl:choose>
            <xsl:when test="$the-area-team"><xsl:value-of select="normalize-space($the-area-team/a:name)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($nhse/a:name)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="person" select="$the-area-team/a:director"/>
        <xsl:with-param name="keep-with-previous" select="'yes'"/>
      </xsl:call-template>
      <xsl:for-each select="$the-ccgs">
        <xsl:call-template name="signature-block">
          <xsl:with-param name="labels" select="$s"/>
          <xsl:with-param name="organisation" select="normalize-space(a:name)"/>
          <xsl:with-param name="person" select="a:accountable-officer"/>
        </xsl:call-template>
      </xsl:for-each>
    </d:section>
  </xsl:template>

  <!-- A schedule.  The schedules begin on a new page after the
       signatures; each after the first follows on, so that a short
       Schedule 1 does not stand alone on a page. -->
  <xsl:template name="tor.schedule">
    <d:section role="schedule" id="tor-{@key}">
      <xsl:if test="position() = 1"><xsl:attribute name="new-page">yes</xsl:attribute></xsl:if>
      <d:heading><xsl:apply-templates select="t:heading/node()" mode="fill"/></d:heading>
      <xsl:call-template name="model-paragraphs">
        <xsl:with-param name="items" select="*[not(self::t:heading)]"/>
      </xsl:call-template>
    </d:section>
  </xsl:template>

  <!-- ================================================================
       Slots and data of the terms of reference
       ================================================================ -->

  <xsl:template match="t:slot[@name = 'committee-type']" mode="fill-element">
    <xsl:call-template name="label"><xsl:with-param name="set" select="'committee-type'"/><xsl:with-param name="value" select="$c/@type"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'group']" mode="fill-element">
    <xsl:choose>
      <xsl:when test="$group"><xsl:value-of select="normalize-space($group/a:name)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'meeting-chair']" mode="fill-element">
    <xsl:call-template name="meeting-chair-words"><xsl:with-param name="mc" select="$group/a:meeting-chair"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'group-total']" mode="fill-element">
    <xsl:value-of select="$group/@total"/>
  </xsl:template>

  <!-- The defined term for the CCG or CCGs: named in full once
       (ccg-defined), then "the CCG" / "the CCGs" (the-ccg; cap="yes" at
       the start of a sentence).  <agree one=".." many=".."/> follows the
       number of CCGs. -->
  <xsl:variable name="many-ccgs" select="count($the-ccgs) &gt; 1"/>

  <xsl:template match="t:slot[@name = 'ccg-defined']" mode="fill-element">
    <xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$the-ccgs"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$many-ccgs"> (together &#x201C;the CCGs&#x201D;)</xsl:when>
      <xsl:otherwise> (&#x201C;the CCG&#x201D;)</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'the-ccg']" mode="fill-element">
    <xsl:choose>
      <xsl:when test="@cap = 'yes'">The</xsl:when>
      <xsl:otherwise>the</xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="$many-ccgs"> CCGs</xsl:when>
      <xsl:otherwise> CCG</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:agree" mode="fill-element">
    <xsl:choose>
      <xsl:when test="$many-ccgs"><xsl:value-of select="@many"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@one"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Whose standing orders the meetings follow: the party the terms
       name, else the CCG or CCGs. -->
  <xsl:template match="t:slot[@name = 'standing-orders']" mode="fill-element">
    <xsl:choose>
      <xsl:when test="$local/a:standing-orders">
        <xsl:call-template name="org-term"><xsl:with-param name="id" select="$local/a:standing-orders/@of"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$tor-the-ccg" mode="fill-element"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:variable name="tor-the-ccg-rtf"><t:slot name="the-ccg"/></xsl:variable>
  <xsl:variable name="tor-the-ccg" select="exsl:node-set($tor-the-ccg-rtf)/*"/>

  <xsl:template match="t:slot[@name = 'secretariat-host']" mode="fill-element">
    <xsl:call-template name="org-term"><xsl:with-param name="id" select="$local/a:secretariat/@host"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'quorum-ccgs']" mode="fill-element">
    <xsl:value-of select="$c/a:quorum/@distinct-ccgs"/>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'next-review']" mode="fill-element">
    <xsl:call-template name="format-date"><xsl:with-param name="date" select="$local/a:review/@next"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'area']" mode="fill-element">
    <xsl:choose>
      <xsl:when test="$many-ccgs">the areas of the CCGs</xsl:when>
      <xsl:otherwise>the area of the CCG</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'population']" mode="fill-element">
    <xsl:value-of select="format-number($the-ccg/a:population/@count, '#,##0')"/>
    <xsl:if test="$the-ccg/a:population/@as-of">
      <xsl:text> in </xsl:text>
      <xsl:call-template name="format-date"><xsl:with-param name="date" select="$the-ccg/a:population/@as-of"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'governing-body']" mode="fill-element">
    <xsl:choose>
      <xsl:when test="$many-ccgs">the governing bodies of the CCGs</xsl:when>
      <xsl:otherwise>the governing body of the CCG</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Lists of names, as bullet lists. -->
  <xsl:template name="bullets">
    <xsl:param name="items"/>  <!-- an RTF of <i> elements holding text and model inlines -->
    <xsl:variable name="is" select="exsl:node-set($items)/i"/>
    <d:list type="bulleted" role="data">
      <xsl:for-each select="$is">
        <d:item><xsl:copy-of select="node()"/></d:item>
      </xsl:for-each>
      <xsl:if test="not($is)">
        <d:item><xsl:call-template name="blank"><xsl:with-param name="length" select="'medium'"/></xsl:call-template></d:item>
      </xsl:if>
    </d:list>
  </xsl:template>

  <xsl:template match="t:data-block[@name = 'represented-organisations']" mode="fill-element">
    <xsl:variable name="ids-rtf">
      <xsl:for-each select="str:tokenize($c/@parties, ' ')"><id><xsl:value-of select="."/></id></xsl:for-each>
      <xsl:for-each select="$c/a:member/@org"><id><xsl:value-of select="."/></id></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="ids" select="exsl:node-set($ids-rtf)/id"/>
    <xsl:call-template name="bullets">
      <xsl:with-param name="items">
        <!-- NHS England's area team is NHS England: listed once. -->
        <xsl:for-each select="$ids[not(. = preceding-sibling::id)]
                                  [not(. = $nhse/a:area-team/@id and $ids = $nhse/@id)]">
          <i>
            <xsl:call-template name="party-name"><xsl:with-param name="id" select="string(.)"/></xsl:call-template>
            <xsl:variable name="hwb" select="$root/a:parties/a:health-and-wellbeing-board[@id = current()]"/>
            <xsl:if test="$hwb/@council">
              <xsl:text> (</xsl:text>
              <xsl:call-template name="party-name"><xsl:with-param name="id" select="$hwb/@council"/></xsl:call-template>
              <xsl:text>)</xsl:text>
            </xsl:if>
          </i>
        </xsl:for-each>
        <!-- Those who attend without a vote are not organisations
             represented on the committee: Membership lists them. -->
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:data-block[@name = 'activities']" mode="fill-element">
    <xsl:call-template name="bullets">
      <xsl:with-param name="items">
        <xsl:for-each select="$commissioned-activities">
          <i><xsl:call-template name="activity-name"/></i>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:data-block[@name = 'membership-table']" mode="fill-element">
    <xsl:call-template name="membership-table"><xsl:with-param name="committee" select="$c"/></xsl:call-template>
  </xsl:template>

  <!-- "The Chair of the X is a lay member of Y." The office as the data
       states it; an acting holder is how a meeting was chaired, not who
       the terms appoint, so an acting chair is named by role.  The
       office's description is never printed. -->
  <xsl:template match="t:data[@name = 'chair' or @name = 'vice-chair']" mode="fill-element">
    <xsl:variable name="office" select="$c/*[local-name() = current()/@name]"/>
    <xsl:variable name="m" select="$c/a:member[@id = $office/@member]"/>
    <xsl:variable name="who">
      <xsl:choose>
        <xsl:when test="$m and $office/@acting = 'yes'">
          <xsl:text>a </xsl:text>
          <xsl:call-template name="lower-label"><xsl:with-param name="set" select="'member-role'"/><xsl:with-param name="value" select="$m/@role"/></xsl:call-template>
          <xsl:if test="$m/@org">
            <xsl:text> of </xsl:text>
            <xsl:call-template name="org-term"><xsl:with-param name="id" select="$m/@org"/></xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:when test="$office/@acting = 'yes'"/>
        <xsl:when test="$m">
          <xsl:text>the </xsl:text>
          <xsl:value-of select="normalize-space($m/a:post)"/>
          <!-- six CCGs' seats may share a post: say whose -->
          <xsl:if test="$m/@org and $c/a:member[not(@id = $m/@id)][normalize-space(a:post) = normalize-space($m/a:post)]">
            <xsl:text> of </xsl:text>
            <xsl:call-template name="org-term"><xsl:with-param name="id" select="$m/@org"/></xsl:call-template>
          </xsl:if>
          <xsl:variable name="holder" select="$m/a:name | $root/a:people/a:person[@id = $m/@person]/a:name"/>
          <xsl:if test="$holder"> (<xsl:value-of select="normalize-space($holder)"/>)</xsl:if>
        </xsl:when>
        <xsl:when test="$office/@role">
          <xsl:text>a </xsl:text>
          <xsl:call-template name="lower-label"><xsl:with-param name="set" select="'member-role'"/><xsl:with-param name="value" select="$office/@role"/></xsl:call-template>
          <xsl:if test="$office/@org">
            <xsl:text> of </xsl:text>
            <xsl:call-template name="org-term"><xsl:with-param name="id" select="$office/@org"/></xsl:call-template>
          </xsl:if>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:text>The </xsl:text>
    <xsl:choose>
      <xsl:when test="@name = 'chair'">Chair</xsl:when>
      <xsl:otherwise>Vice-Chair</xsl:otherwise>
    </xsl:choose>
    <xsl:text> of the </xsl:text>
    <xsl:value-of select="normalize-space($c/a:name)"/>
    <xsl:text> is </xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space($who) != ''"><xsl:value-of select="normalize-space($who)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="length" select="'medium'"/><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- An organisation in a clause: the defined term for the CCG, else
       its name. -->
  <xsl:template name="org-term">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="$the-ccgs[@id = $id] and not($many-ccgs)">the CCG</xsl:when>
      <xsl:otherwise><xsl:call-template name="party-name"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Those who attend without a vote, as the subject of a clause:
       "A representative of Healthwatch Merton and a representative of
       the Merton Health and Wellbeing Board (London Borough of Merton)".
       Structured data only: an observer's description is prose. -->
  <xsl:template match="t:data[@name = 'named-observers']" mode="fill-element">
    <xsl:variable name="items">
      <xsl:for-each select="$named-observers">
        <i>
          <xsl:call-template name="text-string"><xsl:with-param name="name" select="'a-representative-of'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="party-in-text"><xsl:with-param name="id" select="@org"/></xsl:call-template>
        </i>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="r"><xsl:call-template name="join"><xsl:with-param name="items" select="$items"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="capitalise"><xsl:with-param name="s" select="string($r)"/></xsl:call-template>
  </xsl:template>

  <!-- Those the committee invites: by the post the data gives ("GP
       advisers"), else a representative of their organisation, else by
       their kind ("local stakeholders"). -->
  <xsl:template match="t:data[@name = 'invited-observers']" mode="fill-element">
    <xsl:variable name="items">
      <xsl:for-each select="$invited-observers">
        <i>
          <xsl:choose>
            <xsl:when test="a:post"><xsl:value-of select="normalize-space(a:post)"/></xsl:when>
            <xsl:when test="@org">
              <xsl:call-template name="text-string"><xsl:with-param name="name" select="'a-representative-of'"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="party-in-text"><xsl:with-param name="id" select="@org"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="label"><xsl:with-param name="set" select="'observer-invited'"/><xsl:with-param name="value" select="@role"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </i>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="join"><xsl:with-param name="items" select="$items"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:data[@name = 'notice-days']" mode="fill-element">
    <xsl:choose>
      <xsl:when test="$c/a:meetings/@notice-days"><xsl:value-of select="$c/a:meetings/@notice-days"/> days</xsl:when>
      <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="length" select="'15mm'"/><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template> days</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Voting: the committee's method and the parties' shares of the
       voting power (structured data; the voting description is a
       report's prose and is not a clause); else the model's default
       (consensus, then one vote each and a simple majority). -->
  <xsl:template match="t:data[@name = 'voting']" mode="fill-element">
    <xsl:variable name="v" select="$c/a:voting"/>
    <xsl:variable name="name" select="normalize-space($c/a:name)"/>
    <xsl:choose>
      <xsl:when test="$v/@method = 'consensus-then-weighted-vote' or $v/@method = 'weighted-vote'">
        <xsl:if test="$v/@method = 'consensus-then-weighted-vote'">
          <xsl:value-of select="concat('The ', $name, ' will aim to reach its decisions by consensus. Where it cannot, ')"/>
        </xsl:if>
        <xsl:if test="$v/@method = 'weighted-vote'">
          <xsl:value-of select="concat('Decisions of the ', $name, ' are taken by a vote in which ')"/>
        </xsl:if>
        <xsl:text>the vote of each voting member present is weighted so that </xsl:text>
        <xsl:choose>
          <xsl:when test="$v/a:share">
            <xsl:for-each select="$v/a:share">
              <xsl:call-template name="list-separator"/>
              <xsl:choose>
                <xsl:when test="@party = $nhse/@id">NHS England</xsl:when>
                <xsl:when test="$the-ccgs[@id = current()/@party] and not($many-ccgs)">the CCG</xsl:when>
                <xsl:otherwise><xsl:call-template name="party-name"><xsl:with-param name="id" select="@party"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
              <xsl:value-of select="concat(' holds ', @percent, '%')"/>
            </xsl:for-each>
            <xsl:text> of the total voting power</xsl:text>
          </xsl:when>
          <xsl:otherwise>each party holds <xsl:call-template name="blank"><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template> of the total voting power</xsl:otherwise>
        </xsl:choose>
        <xsl:text>; a decision needs a majority of the weighted votes cast.</xsl:text>
      </xsl:when>
      <xsl:when test="$v/@method = 'majority'">
        <xsl:value-of select="concat('Each voting member of the ', $name, ' has one vote, and decisions are taken by a simple majority of the voting members present.')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>The </xsl:text>
        <xsl:value-of select="$name"/>
        <xsl:text> will aim to reach its decisions by consensus. Where it cannot, each voting member has one vote and decisions are taken by a simple majority of the voting members present.</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:data[@name = 'casting-vote']" mode="fill-element">
    <xsl:choose>
      <xsl:when test="$c/a:voting/@casting-vote = 'chair'">In the event of a tie, the Chair has a second, casting vote.</xsl:when>
      <xsl:otherwise>The Chair has no casting vote.</xsl:otherwise>
    </xsl:choose>
  </xsl:template>


  <!-- The quorum from its minimum and requirements; a missing minimum is
       a blank to complete (the model's "[ ]").  The quorum's description
       is prose and is not printed. -->
  <xsl:template match="t:data[@name = 'quorum']" mode="fill-element">
    <xsl:variable name="q" select="$c/a:quorum"/>
    <xsl:text>The quorum is </xsl:text>
    <xsl:choose>
      <xsl:when test="$q/@minimum"><xsl:value-of select="$q/@minimum"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:text> voting members</xsl:text>
    <xsl:for-each select="$q/a:requirement">
      <xsl:if test="position() = 1">, including </xsl:if>
      <xsl:call-template name="list-separator"/>
      <xsl:text>at least </xsl:text>
      <xsl:value-of select="@at-least"/>
      <xsl:text> </xsl:text>
      <xsl:call-template name="requirement-criteria"/>
    </xsl:for-each>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <xsl:template match="t:data[@name = 'frequency']" mode="fill-element">
    <xsl:variable name="f" select="$c/a:meetings/@frequency"/>
    <xsl:choose>
      <xsl:when test="$f and $f != 'other'">
        <xsl:call-template name="label"><xsl:with-param name="set" select="'frequency'"/><xsl:with-param name="value" select="$f"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="length" select="'medium'"/><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:data-block[@name = 'tor-accountability' or @name = 'tor-procurement']" mode="fill-element">
    <xsl:apply-templates select="$local/*[local-name() = substring-after(current()/@name, 'tor-')]/*" mode="model-block"/>
  </xsl:template>

  <xsl:template match="t:data-block[@name = 'decision-matrix']" mode="fill-element">
    <!-- No note on blank cells: in terms of reference a blank is a cell
         to complete. -->
    <xsl:call-template name="decision-matrix"><xsl:with-param name="note" select="'no'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:data[@name = 'review']" mode="fill-element">
    <xsl:choose>
      <xsl:when test="$local/a:review"><xsl:apply-templates select="$local/a:review" mode="inline"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="length" select="'medium'"/><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The delegation agreement's issue and signature, when the terms of
       reference know of them (dated facts); else blanks to complete.
       Its description is prose and is not printed. -->
  <xsl:template match="t:data[@name = 'agreement']" mode="fill-element">
    <xsl:variable name="d" select="$root/a:delegation-agreement"/>
    <xsl:text>The delegation agreement was issued </xsl:text>
    <xsl:call-template name="date-phrase"><xsl:with-param name="date" select="$d/@issued[c:date-known(.)]"/></xsl:call-template>
    <xsl:text> and signed </xsl:text>
    <xsl:call-template name="date-phrase"><xsl:with-param name="date" select="$d/@signed[c:date-known(.)]"/></xsl:call-template>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- "on 1 April 2015" / "in March 2015" / "on [……]" -->
  <xsl:template name="date-phrase">
    <xsl:param name="date"/>
    <xsl:choose>
      <xsl:when test="string-length($date) = 7">in </xsl:when>
      <xsl:otherwise>on </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="date-or-blank"><xsl:with-param name="date" select="$date"/><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template>
  </xsl:template>

  <!-- "The agreement was varied on 31 March 2015." — each variation the
       terms of reference know of, by its date only (its text is prose). -->
  <xsl:template match="t:data[@name = 'variations']" mode="fill-element">
    <xsl:variable name="vs" select="$root/a:delegation-agreement/a:variation[c:known-at(.)]"/>
    <xsl:text>The agreement was varied </xsl:text>
    <xsl:for-each select="$vs">
      <xsl:call-template name="list-separator"/>
      <xsl:call-template name="date-phrase"><xsl:with-param name="date" select="@date"/></xsl:call-template>
    </xsl:for-each>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <xsl:template match="t:data-block[@name = 'local-schedules']" mode="fill-element">
    <xsl:call-template name="bullets">
      <xsl:with-param name="items">
        <xsl:for-each select="$root/a:delegation-agreement/a:local-schedule">
          <i>
            <xsl:if test="@number">Schedule <xsl:value-of select="@number"/>: </xsl:if>
            <xsl:value-of select="normalize-space(a:title)"/>
          </i>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Schedule 2: the functions the committee exercises, with their status
       and activities. -->
  <xsl:template match="t:data-block[@name = 'scheme-functions']" mode="fill-element">
    <xsl:variable name="fs" select="$root/a:scope/a:function[@status = 'delegated' or @status = 'joint']"/>
    <d:table role="scheme-functions">
      <d:col width="60"/><d:col width="40"/>
      <d:head>
        <d:row>
          <d:th scope="col"><xsl:value-of select="$tor/t:functions-columns/t:label[@name = 'function']"/></d:th>
          <d:th scope="col"><xsl:value-of select="$tor/t:functions-columns/t:label[@name = 'status']"/></d:th>
        </d:row>
      </d:head>
      <d:body>
        <xsl:for-each select="$fs">
          <d:row>
            <d:td>
              <d:p role="function"><xsl:call-template name="function-name"/></d:p>
              <xsl:if test="a:activity">
                <d:list type="bulleted">
                  <xsl:for-each select="a:activity">
                    <d:item><xsl:call-template name="activity-name"/></d:item>
                  </xsl:for-each>
                </d:list>
              </xsl:if>
            </d:td>
            <d:td><xsl:call-template name="label"><xsl:with-param name="set" select="'function-status'"/><xsl:with-param name="value" select="@status"/></xsl:call-template></d:td>
          </d:row>
        </xsl:for-each>
        <xsl:if test="not($fs)">
          <d:row><xsl:call-template name="blank-cells"><xsl:with-param name="n" select="2"/></xsl:call-template></d:row>
        </xsl:if>
      </d:body>
    </d:table>
  </xsl:template>

  <xsl:template match="t:data-block[@name = 'reserved-functions' or @name = 'involvement-functions']" mode="fill-element">
    <xsl:variable name="fs" select="$root/a:scope/a:function[(current()/@name = 'reserved-functions' and (@status = 'reserved' or @status = 'retained'))
                                                           or (current()/@name = 'involvement-functions' and @status = 'involvement')]"/>
    <xsl:call-template name="bullets">
      <xsl:with-param name="items">
        <xsl:for-each select="$fs">
          <i>
            <xsl:call-template name="function-name"/>
            <xsl:if test="@status = 'retained'"> (retained by NHS England)</xsl:if>
          </i>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <!-- ================================================================
       The shared tables as terms of reference print them
       ================================================================ -->

  <!-- The membership table marks the chair or vice-chair a seat holds,
       but not an acting holder (that is how a meeting was chaired), and
       not an office taken up after these terms' date (overrides
       base.xsl's, which shows acting holders). -->
  <func:function name="c:office-shown">
    <xsl:param name="office"/>
    <func:result select="not($office/@acting = 'yes') and c:not-later($office)"/>
  </func:function>

  <!-- A cell of the decision matrix the data does not fill: a blank to
       complete (a terms of reference has no empty cell that the reader
       cannot tell from "No"). -->
  <xsl:template name="matrix-unknown-cell">
    <xsl:call-template name="blank-fill"/>
  </xsl:template>
</xsl:stylesheet>
