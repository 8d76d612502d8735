<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/model/proforma-answers.xsl — the answers of the proforma,
  one template (mode "answer") per question key of
  templates/proforma.xml, as the document model's inlines and blocks
  (urn:cocom:document:1).  Included by model/proforma.xsl, whose
  variables ($pf, $committee-node) and function c:own-words it uses (with
  base.xsl's c:known-at, c:not-later and c:date-known); what it may print
  is said at the head of model/proforma.xsl.  An answer that gives
  nothing is made a blank to complete by model/proforma.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:c="urn:cocom:functions:1"
    exclude-result-prefixes="a t exsl str c">

  <!-- ================================================================
       Answers (mode "answer"): inline text or model blocks; empty = blank.
       ================================================================ -->

  <xsl:template match="t:question" mode="answer">
    <xsl:message>cocom: proforma.xsl has no answer for the question "<xsl:value-of select="@key"/>"; it is left blank</xsl:message>
  </xsl:template>

  <!-- 1. CCG details -->
  <xsl:template match="t:question[@key = 'ccg-name']" mode="answer">
    <xsl:value-of select="normalize-space($the-ccg/a:name)"/>
    <xsl:if test="$the-ccg/a:short-name"> (<xsl:value-of select="normalize-space($the-ccg/a:short-name)"/>)</xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'ccg-ods-code']" mode="answer">
    <xsl:value-of select="$the-ccg/@ods-code"/>
  </xsl:template>

  <xsl:template match="t:question[@key = 'area-team']" mode="answer">
    <xsl:value-of select="normalize-space($the-area-team/a:name)"/>
  </xsl:template>

  <xsl:template match="t:question[@key = 'partner-ccgs']" mode="answer">
    <xsl:variable name="others" select="$root/a:parties/a:ccg[not(@id = $the-ccg/@id)]"/>
    <xsl:choose>
      <xsl:when test="$others">
        <xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$others"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>None</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A population figure counted after the proforma's date is not one
       the CCG could give. -->
  <xsl:template match="t:question[@key = 'population']" mode="answer">
    <xsl:for-each select="$the-ccg/a:population[not(@as-of) or c:date-known(@as-of)]">
      <xsl:value-of select="format-number(@count, '#,##0')"/>
      <xsl:if test="@as-of">
        <xsl:text> (</xsl:text>
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="@as-of"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The number of member practices as the data states it; a list of
       practices is not a count (it may be partial or illustrative), so
       without a count the answer is a blank. -->
  <xsl:template match="t:question[@key = 'practices']" mode="answer">
    <xsl:variable name="p" select="$the-ccg/a:practices"/>
    <xsl:if test="$p/@count">
      <xsl:value-of select="$p/@count"/>
      <xsl:for-each select="$p/a:contract-count">
        <xsl:text>, of which </xsl:text>
        <xsl:value-of select="@count"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="label"><xsl:with-param name="set" select="'contract'"/><xsl:with-param name="value" select="@contract"/></xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'accountable-officer']" mode="answer">
    <xsl:if test="$the-ccg/a:accountable-officer">
      <xsl:call-template name="person-inline"><xsl:with-param name="person" select="$the-ccg/a:accountable-officer"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'ccg-chair']" mode="answer">
    <xsl:if test="$the-ccg/a:ccg-chair">
      <xsl:call-template name="person-inline"><xsl:with-param name="person" select="$the-ccg/a:ccg-chair"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'lay-members']" mode="answer">
    <xsl:for-each select="$the-ccg/a:lay-members">
      <d:p><xsl:value-of select="@count"/></d:p>
      <xsl:call-template name="own-words"><xsl:with-param name="prose" select="a:description"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The CCG's own words at prose, if c:own-words allows them: a
       description as a paragraph, a container's blocks as they are. -->
  <xsl:template name="own-words">
    <xsl:param name="prose"/>
    <xsl:for-each select="$prose[c:own-words(.)]">
      <xsl:choose>
        <xsl:when test="self::a:description or self::a:mitigation">
          <d:p><xsl:apply-templates select="." mode="inline"/></d:p>
        </xsl:when>
        <!-- paragraphs of the CCG's own prose, as in a text -->
        <xsl:otherwise><d:group role="own-words"><xsl:apply-templates select="*" mode="model-block"/></d:group></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- 2. The model, in NHS England's words (the LMC's "Model II" is the
       LMC's numbering, for its ballot paper only). -->
  <xsl:template match="t:question[@key = 'model']" mode="answer">
    <xsl:call-template name="label">
      <xsl:with-param name="set" select="'model'"/>
      <xsl:with-param name="value" select="$model-kind"/>
      <xsl:with-param name="attribute" select="'title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:question[@key = 'joint-form']" mode="answer">
    <xsl:if test="$model/@joint-form">
      <xsl:variable name="f">
        <xsl:call-template name="label"><xsl:with-param name="set" select="'joint-form'"/><xsl:with-param name="value" select="$model/@joint-form"/></xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="capitalise"><xsl:with-param name="s" select="$f"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'start-date']" mode="answer">
    <xsl:if test="$model/@start-date">
      <xsl:call-template name="format-date"><xsl:with-param name="date" select="$model/@start-date"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The status on the proforma's date, not the arrangement's latest. -->
  <xsl:template match="t:question[@key = 'status']" mode="answer">
    <xsl:call-template name="label"><xsl:with-param name="set" select="'model-status'"/><xsl:with-param name="value" select="$model-status-at"/></xsl:call-template>
  </xsl:template>

  <!-- The steps known by the proforma's date, from the events' dates and
       statuses (the events' own sentences come from reports and
       features: they are not the CCG's answer). -->
  <xsl:template match="t:question[@key = 'history']" mode="answer">
    <xsl:for-each select="$known-events[@status]">
      <d:p role="event">
        <d:strong>
          <xsl:call-template name="event-date"/>
          <xsl:text>: </xsl:text>
        </d:strong>
        <xsl:call-template name="label"><xsl:with-param name="set" select="'model-event'"/><xsl:with-param name="value" select="@status"/></xsl:call-template>
      </d:p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'rationale']" mode="answer">
    <xsl:call-template name="own-words"><xsl:with-param name="prose" select="$root/a:rationale"/></xsl:call-template>
  </xsl:template>

  <!-- 3. Functions: the national table's wording (§4.1.5) for every
       function it has, so that the source printed under it is true; a
       local rewording (a report's "Jointly with sub-regions") is the
       report's, never the form's. -->
  <xsl:template match="t:question[@key = 'functions-table']" mode="answer">
    <xsl:variable name="fs" select="$root/a:scope/a:function"/>
    <d:table role="functions-offer">
      <d:col width="5"/><d:col width="4"/><d:col width="4"/>
      <d:head>
        <d:row>
          <d:th scope="col"><xsl:value-of select="$functions-template/t:column[@name = 'function']"/></d:th>
          <d:th scope="col"><xsl:value-of select="$functions-template/t:column[@model = $model-kind]"/></d:th>
          <d:th scope="col"><xsl:call-template name="pf-text"><xsl:with-param name="name" select="'functions-status-heading'"/></xsl:call-template></d:th>
        </d:row>
      </d:head>
      <d:body>
        <xsl:for-each select="$fs">
          <xsl:variable name="national" select="$functions-template/t:function[@key = current()/@key]"/>
          <d:row keep="together">
            <d:td><xsl:call-template name="function-name"/></d:td>
            <d:td>
              <xsl:choose>
                <xsl:when test="$national/t:offer[@model = $model-kind]"><xsl:value-of select="$national/t:offer[@model = $model-kind]"/></xsl:when>
                <xsl:otherwise>&#x2013;</xsl:otherwise>
              </xsl:choose>
            </d:td>
            <d:td><xsl:call-template name="label"><xsl:with-param name="set" select="'function-status'"/><xsl:with-param name="value" select="@status"/></xsl:call-template></d:td>
          </d:row>
        </xsl:for-each>
      </d:body>
      <d:note><xsl:call-template name="pf-text"><xsl:with-param name="name" select="'functions-source'"/></xsl:call-template></d:note>
    </d:table>
  </xsl:template>

  <!-- The activities in the national wording of their key (which also
       puts right the guidance's "branch/remedial" misprint); a local
       activity with no national key keeps its own name. -->
  <xsl:template match="t:question[@key = 'activities']" mode="answer">
    <xsl:variable name="acts" select="$commissioned-activities"/>
    <xsl:if test="$acts">
      <d:list type="bulleted">
        <xsl:for-each select="$acts">
          <d:item><xsl:call-template name="activity-name"/></d:item>
        </xsl:for-each>
      </d:list>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'reserved']" mode="answer">
    <xsl:variable name="fs" select="$root/a:scope/a:function[@status = 'reserved' or @status = 'retained']"/>
    <xsl:if test="$fs">
      <d:list type="bulleted">
        <xsl:for-each select="$fs">
          <d:item><xsl:call-template name="function-name"/></d:item>
        </xsl:for-each>
      </d:list>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'pooled-fund']" mode="answer">
    <xsl:for-each select="$root/a:finance/a:pooled-fund[c:not-later(.)]">
      <d:p>
        <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="@used"/></xsl:call-template>
        <xsl:if test="@gbp"><xsl:text>; </xsl:text><xsl:call-template name="money"/></xsl:if>
      </d:p>
      <xsl:call-template name="own-words"><xsl:with-param name="prose" select="a:description"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- 4. Governance: the committee as its structured data gives it. Its
       descriptions are reports' accounts or later provisions, printed
       only when marked as the CCG's own words of the proforma's date. -->
  <xsl:template match="t:question[@key = 'committee-name']" mode="answer">
    <xsl:value-of select="normalize-space($committee-node/a:name)"/>
  </xsl:template>

  <xsl:template match="t:question[@key = 'committee-type']" mode="answer">
    <xsl:if test="$committee-node">
      <xsl:variable name="l">
        <xsl:call-template name="label"><xsl:with-param name="set" select="'committee-type'"/><xsl:with-param name="value" select="$committee-node/@type"/></xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="capitalise"><xsl:with-param name="s" select="$l"/></xsl:call-template>
      <xsl:text> (</xsl:text>
      <xsl:call-template name="party-names"><xsl:with-param name="ids" select="$committee-node/@parties"/></xsl:call-template>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'in-common']" mode="answer">
    <xsl:variable name="g" select="$root/a:committees-in-common[contains(concat(' ', @committees, ' '), concat(' ', $committee-node/@id, ' '))]"/>
    <xsl:choose>
      <xsl:when test="$g">
        <d:p>
          <xsl:value-of select="normalize-space($g/a:name)"/>
          <xsl:if test="$g/@total &gt; 1">
            <xsl:text> (</xsl:text>
            <xsl:value-of select="$g/@total"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="pf-text"><xsl:with-param name="name" select="'in-common-committees'"/></xsl:call-template>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </d:p>
        <xsl:variable name="mc">
          <xsl:call-template name="meeting-chair-words"><xsl:with-param name="mc" select="$g/a:meeting-chair"/></xsl:call-template>
        </xsl:variable>
        <xsl:if test="normalize-space($mc) != ''">
          <d:p>
            <xsl:call-template name="pf-text"><xsl:with-param name="name" select="'meeting-chair'"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:value-of select="$mc"/>
          </d:p>
        </xsl:if>
        <xsl:call-template name="own-words"><xsl:with-param name="prose" select="$g/a:description"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$committee-node and $model/@joint-form = 'joint-committee'">None</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:question[@key = 'membership']" mode="answer">
    <xsl:call-template name="membership-table"><xsl:with-param name="committee" select="$committee-node"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:question[@key = 'chair' or @key = 'vice-chair']" mode="answer">
    <xsl:variable name="office" select="$committee-node/*[local-name() = current()/@key][c:not-later(.)]"/>
    <xsl:variable name="who">
      <xsl:call-template name="office-holder">
        <xsl:with-param name="office" select="$office"/>
        <xsl:with-param name="committee" select="$committee-node"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="normalize-space($who) != ''">
      <d:p><xsl:call-template name="capitalise"><xsl:with-param name="s" select="normalize-space($who)"/></xsl:call-template></d:p>
    </xsl:if>
    <xsl:call-template name="own-words"><xsl:with-param name="prose" select="$office/a:description"/></xsl:call-template>
  </xsl:template>

  <!-- The lay and executive majority, counted from the voting seats; when
       the number of some seats is unknown it cannot be counted, and the
       answer is a blank for the CCG to complete. -->
  <xsl:template match="t:question[@key = 'majority']" mode="answer">
    <xsl:variable name="voting" select="$committee-node/a:member[@voting = 'yes']"/>
    <xsl:if test="$voting and not($voting[@count = 'unstated'])">
      <xsl:variable name="total" select="count($voting[not(@count)]) + sum($voting/@count)"/>
      <xsl:variable name="le" select="$voting[@role = 'lay' or @role = 'executive']"/>
      <xsl:variable name="n-le" select="count($le[not(@count)]) + sum($le/@count)"/>
      <xsl:value-of select="concat($n-le, ' of the ', $total, ' voting seats are lay or executive members')"/>
      <xsl:choose>
        <xsl:when test="$n-le * 2 &gt; $total">: a lay and executive majority.</xsl:when>
        <xsl:otherwise>: no lay and executive majority.</xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'observers']" mode="answer">
    <xsl:if test="$committee-node/a:observer">
      <d:list type="bulleted" role="data">
        <xsl:for-each select="$committee-node/a:observer">
          <d:item>
            <d:p><xsl:call-template name="observer-line"/></d:p>
            <xsl:call-template name="own-words"><xsl:with-param name="prose" select="a:description"/></xsl:call-template>
          </d:item>
        </xsl:for-each>
      </d:list>
    </xsl:if>
  </xsl:template>

  <!-- The quorum: its description only when it is the CCG's own words
       (it may be a report's account), else from its requirements. -->
  <xsl:template match="t:question[@key = 'quorum']" mode="answer">
    <xsl:variable name="q" select="$committee-node/a:quorum[c:not-later(.)]"/>
    <xsl:choose>
      <xsl:when test="$q/a:description[c:own-words(.)]">
        <xsl:apply-templates select="$q/a:description" mode="inline"/>
      </xsl:when>
      <xsl:when test="$q/@minimum or $q/a:requirement">
        <xsl:text>The quorum is </xsl:text>
        <xsl:choose>
          <xsl:when test="$q/@minimum"><xsl:value-of select="$q/@minimum"/> members</xsl:when>
          <xsl:otherwise>the members present</xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="$q/a:requirement">
          <xsl:if test="position() = 1">, including </xsl:if>
          <xsl:call-template name="list-separator"/>
          <xsl:text>at least </xsl:text>
          <xsl:value-of select="@at-least"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="requirement-criteria"/>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:question[@key = 'voting']" mode="answer">
    <xsl:variable name="v" select="$committee-node/a:voting[c:not-later(.)]"/>
    <xsl:choose>
      <xsl:when test="$v/a:description[c:own-words(.)]">
        <xsl:apply-templates select="$v/a:description" mode="inline"/>
      </xsl:when>
      <xsl:when test="$v/@method">
        <xsl:call-template name="label"><xsl:with-param name="set" select="'voting-method'"/><xsl:with-param name="value" select="$v/@method"/></xsl:call-template>
        <xsl:if test="$v/a:share">
          <xsl:text> (</xsl:text>
          <xsl:for-each select="$v/a:share">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:call-template name="party-name"><xsl:with-param name="id" select="@party"/></xsl:call-template>
            <xsl:value-of select="concat(' ', @percent, '%')"/>
          </xsl:for-each>
          <xsl:text> of the voting power)</xsl:text>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:question[@key = 'meetings']" mode="answer">
    <xsl:for-each select="$committee-node/a:meetings[c:not-later(.)]">
      <xsl:if test="@frequency and @frequency != 'other'">
        <d:p>
          <xsl:variable name="f"><xsl:call-template name="label"><xsl:with-param name="set" select="'frequency'"/><xsl:with-param name="value" select="@frequency"/></xsl:call-template></xsl:variable>
          <xsl:call-template name="capitalise"><xsl:with-param name="s" select="$f"/></xsl:call-template>
          <xsl:if test="@notice-days">; papers <xsl:value-of select="@notice-days"/> days before each meeting</xsl:if>
        </d:p>
      </xsl:if>
      <xsl:call-template name="own-words"><xsl:with-param name="prose" select="a:description"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'in-public']" mode="answer">
    <xsl:if test="$committee-node/a:meetings/@in-public">
      <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="$committee-node/a:meetings/@in-public"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The terms of reference as they stood on the proforma's date: a
       version dated later (a refresh, a status reached later) is not
       one the CCG could describe. -->
  <xsl:template match="t:question[@key = 'terms-of-reference']" mode="answer">
    <xsl:for-each select="$committee-node/a:terms-of-reference[(@status or @version) and c:not-later(.)]">
      <xsl:if test="@status">
        <xsl:call-template name="capitalise"><xsl:with-param name="s" select="@status"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="@version">
        <xsl:if test="@status">, </xsl:if>
        <xsl:text>version </xsl:text><xsl:value-of select="@version"/>
      </xsl:if>
      <xsl:if test="@date">
        <xsl:text>, </xsl:text>
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- 5. Constitution and member approval: each step only once it had
       happened (its date on or before the proforma's). -->
  <xsl:variable name="constitution" select="$the-mandate/a:constitution-change"/>
  <xsl:variable name="vote" select="$the-mandate/a:member-vote[c:known-at(.)]"/>
  <xsl:variable name="gb-approval" select="$the-mandate/a:governing-body-approval[c:known-at(.)]"/>
  <!-- Ballot returns received by the proforma's date (a return is dated
       when it was received; an undated one is not known to a dated
       proforma). -->
  <xsl:variable name="returns" select="$the-mandate/a:ballot-return[c:known-at(.)]"/>
  <xsl:variable name="members"><xsl:call-template name="member-practice-count"/></xsl:variable>

  <xsl:template match="t:question[@key = 'constitution-requested']" mode="answer">
    <xsl:choose>
      <xsl:when test="$constitution/@date-requested and c:date-known($constitution/@date-requested)">
        <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="'yes'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="not($constitution/@date-requested) and $constitution/@requested = 'no'">
        <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="'no'"/></xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:question[@key = 'constitution-dates']" mode="answer">
    <xsl:variable name="c" select="$constitution"/>
    <d:p>
      <xsl:text>Requested: </xsl:text>
      <xsl:call-template name="date-or-blank"><xsl:with-param name="date" select="$c/@date-requested[c:date-known(.)]"/></xsl:call-template>
    </d:p>
    <d:p>
      <xsl:text>Approved: </xsl:text>
      <xsl:call-template name="date-or-blank"><xsl:with-param name="date" select="$c/@date-approved[c:date-known(.)]"/></xsl:call-template>
    </d:p>
    <xsl:call-template name="own-words"><xsl:with-param name="prose" select="$c/a:description"/></xsl:call-template>
  </xsl:template>

  <!-- The vote: its result only when the vote is dated and known, and
       what is known of the voting shows that result (the counts, when
       given, agree with it; and no incomplete set of returns is all the
       proforma has to show for it).  Otherwise a blank. -->
  <xsl:template match="t:question[@key = 'member-vote']" mode="answer">
    <xsl:for-each select="$vote">
      <xsl:variable name="counted" select="@for and @against"/>
      <xsl:variable name="m" select="@model"/>
      <!-- returns from every member practice, a majority of them for the
           model voted on -->
      <xsl:variable name="all-returned" select="$members != '' and count($returns) = number($members)
                                                and count($returns[@model = $m]) * 2 &gt; count($returns)"/>
      <xsl:variable name="shown"
          select="($counted and ((@result = 'in-favour' and @for &gt; @against) or (@result = 'against' and not(@for &gt; @against))))
                  or (not(@for or @against)
                      and (not($the-mandate/a:ballot-return) or (@result = 'in-favour' and $all-returned)))"/>
      <xsl:if test="@result and $shown">
        <d:p>
          <xsl:call-template name="label"><xsl:with-param name="set" select="'member-vote-result'"/><xsl:with-param name="value" select="@result"/></xsl:call-template>
          <xsl:if test="@model">
            <xsl:text> of </xsl:text>
            <xsl:call-template name="label"><xsl:with-param name="set" select="'model'"/><xsl:with-param name="value" select="@model"/></xsl:call-template>
          </xsl:if>
          <xsl:text>; date: </xsl:text>
          <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
        </d:p>
      </xsl:if>
      <xsl:call-template name="own-words"><xsl:with-param name="prose" select="a:description"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'member-vote-counts']" mode="answer">
    <xsl:variable name="v" select="$vote"/>
    <xsl:if test="$v/@for or $v/@against or $v/@abstained or $v/@eligible">
      <xsl:for-each select="str:tokenize('for against abstained eligible', ' ')">
        <xsl:variable name="k" select="string(.)"/>
        <xsl:if test="position() &gt; 1"> / </xsl:if>
        <xsl:choose>
          <xsl:when test="$v/@*[local-name() = $k]"><xsl:value-of select="$v/@*[local-name() = $k]"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="length" select="'10mm'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The ballot returns received by the proforma's date, said plainly:
       how many practices returned a paper, of how many, and for which
       model (NHS England's names, not the LMC's numbers). -->
  <xsl:template match="t:question[@key = 'ballot']" mode="answer">
    <xsl:if test="$returns">
      <!-- "3 of the 36 member practices returned a ballot paper:" -->
      <d:p>
        <xsl:value-of select="count($returns)"/>
        <xsl:if test="$members != ''">
          <xsl:value-of select="concat(' of the ', $members)"/>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$members = '' and count($returns) = 1"> member practice returned a ballot paper:</xsl:when>
          <xsl:when test="$members != '' and number($members) = 1"> member practice returned a ballot paper:</xsl:when>
          <xsl:otherwise> member practices returned a ballot paper:</xsl:otherwise>
        </xsl:choose>
      </d:p>
      <xsl:for-each select="$labels/t:set[@name = 'model']/t:label">
        <xsl:variable name="m" select="@value"/>
        <xsl:if test="$returns[@model = $m]">
          <d:p>
            <xsl:value-of select="count($returns[@model = $m])"/>
            <xsl:text> for </xsl:text>
            <xsl:value-of select="."/>
          </d:p>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'governing-body']" mode="answer">
    <xsl:for-each select="$gb-approval">
      <xsl:if test="@decision">
        <d:p>
          <xsl:call-template name="label"><xsl:with-param name="set" select="'gb-decision'"/><xsl:with-param name="value" select="@decision"/></xsl:call-template>
          <xsl:text>; date: </xsl:text>
          <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
        </d:p>
      </xsl:if>
      <xsl:call-template name="own-words"><xsl:with-param name="prose" select="a:description"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- 6. Conflicts of interest -->
  <xsl:template match="t:question[@key = 'register' or @key = 'procurement-register']" mode="answer">
    <xsl:variable name="r" select="$root/a:conflicts-of-interest/*[local-name() = current()/@key]"/>
    <xsl:if test="$r">
      <xsl:call-template name="register-text"><xsl:with-param name="register" select="$r"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'declarations']" mode="answer">
    <xsl:variable name="d" select="$root/a:conflicts-of-interest/a:register/a:declaration[@member = $committee-node/a:member/@id]"/>
    <xsl:if test="$d">
      <xsl:value-of select="count($d)"/>
      <xsl:text> declared; see the register of interests.</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:question[@key = 'coi-management']" mode="answer">
    <xsl:call-template name="own-words"><xsl:with-param name="prose" select="$root/a:conflicts-of-interest/a:management"/></xsl:call-template>
  </xsl:template>

  <!-- 7. Resources -->
  <xsl:template match="t:question[@key = 'staffing']" mode="answer">
    <xsl:call-template name="own-words"><xsl:with-param name="prose" select="$root/a:staffing/a:description"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:question[@key = 'additional-posts']" mode="answer">
    <xsl:value-of select="$root/a:staffing/@additional-posts"/>
  </xsl:template>

  <xsl:template match="t:question[@key = 'running-costs']" mode="answer">
    <xsl:for-each select="$root/a:finance/a:running-costs[c:not-later(.)]">
      <xsl:if test="@gbp">
        <d:p>Running cost allowance: <xsl:call-template name="money"/></d:p>
      </xsl:if>
      <xsl:if test="@uplift">
        <d:p>
          <xsl:text>Uplift for co-commissioning: </xsl:text>
          <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="@uplift"/></xsl:call-template>
        </d:p>
      </xsl:if>
      <xsl:call-template name="own-words"><xsl:with-param name="prose" select="a:description"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'finance']" mode="answer">
    <xsl:for-each select="($root/a:finance/a:allocation | $root/a:finance/a:per-head-spend | $root/a:finance/a:pms-premium)[c:not-later(.)]">
      <d:p>
        <d:strong>
          <xsl:choose>
            <xsl:when test="self::a:allocation">Primary care allocation</xsl:when>
            <xsl:when test="self::a:per-head-spend">Primary care spend per head</xsl:when>
            <xsl:otherwise>PMS premium</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@gbp">: </xsl:if>
        </d:strong>
        <xsl:call-template name="money"/>
      </d:p>
      <xsl:call-template name="own-words"><xsl:with-param name="prose" select="a:description"/></xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="own-words"><xsl:with-param name="prose" select="$root/a:finance/a:description"/></xsl:call-template>
  </xsl:template>

  <!-- Risks are the CCG's own assessment: printed only when the data
       marks the list as the CCG's words of the proforma's date. -->
  <xsl:template match="t:question[@key = 'risks']" mode="answer">
    <xsl:variable name="risks" select="$root/a:risks[c:own-words(.)]/a:risk"/>
    <xsl:if test="$risks">
      <d:list type="bulleted">
        <xsl:for-each select="$risks">
          <d:item>
            <d:p><xsl:apply-templates select="a:description" mode="inline"/></d:p>
            <xsl:for-each select="a:mitigation">
              <d:p role="mitigation">Mitigation: <xsl:apply-templates mode="inline"/></d:p>
            </xsl:for-each>
          </d:item>
        </xsl:for-each>
      </d:list>
    </xsl:if>
  </xsl:template>

  <!-- 8. Engagement -->
  <xsl:template match="t:question[@key = 'lmc']" mode="answer">
    <xsl:for-each select="$root/a:parties/a:lmc">
      <d:p><xsl:value-of select="normalize-space(a:name)"/></d:p>
    </xsl:for-each>
    <xsl:for-each select="$committee-node/a:observer[@role = 'lmc']">
      <d:p><xsl:call-template name="observer-line"/></d:p>
    </xsl:for-each>
  </xsl:template>

  <!-- Reports to the Health and Wellbeing Board held by the proforma's
       date (a later report is not one the CCG could cite). -->
  <xsl:template match="t:question[@key = 'hwb']" mode="answer">
    <xsl:for-each select="$committee-node/a:observer[@role = 'health-and-wellbeing-board']">
      <d:p><xsl:call-template name="observer-line"/></d:p>
    </xsl:for-each>
    <xsl:for-each select="$root/a:board-report[c:known-at(.)]">
      <d:p>
        <xsl:text>Report to the </xsl:text>
        <xsl:call-template name="party-name"><xsl:with-param name="id" select="@board"/></xsl:call-template>
        <xsl:variable name="c" select="$root/a:parties/a:health-and-wellbeing-board[@id = current()/@board]/@council"/>
        <xsl:if test="$c">
          <xsl:text> (</xsl:text>
          <xsl:call-template name="party-name"><xsl:with-param name="id" select="$c"/></xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
        <xsl:text>: “</xsl:text>
        <xsl:value-of select="normalize-space(a:cover/a:report-title)"/>
        <xsl:text>”</xsl:text>
      </d:p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'healthwatch']" mode="answer">
    <xsl:for-each select="$committee-node/a:observer[@role = 'healthwatch']">
      <d:p><xsl:call-template name="observer-line"/></d:p>
    </xsl:for-each>
  </xsl:template>

  <!-- 9. Submission -->
  <xsl:template match="t:question[@key = 'submitted-to']" mode="answer">
    <xsl:variable name="to" select="$root/a:application/a:submission/@to"/>
    <xsl:choose>
      <xsl:when test="$to">
        <xsl:variable name="l"><xsl:call-template name="label"><xsl:with-param name="set" select="'recipient'"/><xsl:with-param name="value" select="$to"/></xsl:call-template></xsl:variable>
        <xsl:call-template name="capitalise"><xsl:with-param name="s" select="$l"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$the-area-team">
        <xsl:call-template name="pf-text"><xsl:with-param name="name" select="concat('submitted-to-', $annex-letter)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pf-text"><xsl:with-param name="name" select="concat('submitted-to-', $annex-letter, '-no-team')"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:question[@key = 'deadline']" mode="answer">
    <xsl:if test="$the-deadline">
      <xsl:call-template name="format-date"><xsl:with-param name="date" select="$the-deadline/@date"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The date the proforma was submitted: the submission's, never the
       deadline (a blank to complete when the data has no submission). -->
  <xsl:template match="t:question[@key = 'submitted']" mode="answer">
    <xsl:for-each select="$the-submission">
      <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:question[@key = 'approval-route']" mode="answer">
    <xsl:call-template name="pf-text"><xsl:with-param name="name" select="concat('approval-route-', $annex-letter)"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
